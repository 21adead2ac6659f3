using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Salon.Web.Api;

/// <summary>Refreshes tokens at most once per refresh token. The API's refresh tokens are single-use, and
/// presenting one twice revokes the session (it looks stolen); a browser loading two pages at once, or a
/// second tab, would do exactly that. So concurrent and slightly later requests that carry the same old
/// refresh token share one refresh call and its result (an atomic GetOrAdd of one Lazy per token: a cache's
/// get-or-create may run its factory twice under a race). The memory is per web-client process: with
/// several web-client instances, route each browser to one (docs/deploy.md).</summary>
public sealed class TokenRefresher(TimeProvider time)
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, SharedRefresh> _refreshes = new(StringComparer.Ordinal);

    public async Task<ApiResult<SessionTokens>> RefreshAsync(SessionTokens current, Func<string, Task<ApiResult<SessionTokens>>> refresh)
    {
        var now = time.GetUtcNow();
        foreach (var entry in _refreshes)
        {
            if (now - entry.Value.StartedAt > Remember)
            {
                _refreshes.TryRemove(entry);
            }
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(current.RefreshToken)));
        var shared = _refreshes.GetOrAdd(key, _ => new SharedRefresh(new Lazy<Task<ApiResult<SessionTokens>>>(() => refresh(current.RefreshToken)), now));
        var result = await shared.Call.Value;
        if (!result.Ok && result.Status is not (StatusCodes.Status400BadRequest or StatusCodes.Status401Unauthorized))
        {
            // The API could not be reached or failed: nothing was decided, so the next request tries again.
            _refreshes.TryRemove(new KeyValuePair<string, SharedRefresh>(key, shared));
        }

        return result;
    }

    public bool IsDue(SessionTokens tokens, TimeSpan before) => tokens.AccessExpiresAt - time.GetUtcNow() <= before;

    private sealed record SharedRefresh(Lazy<Task<ApiResult<SessionTokens>>> Call, DateTimeOffset StartedAt);
}
