using Microsoft.Extensions.Caching.Memory;

namespace Salon.Web.Api;

/// <summary>Refreshes tokens at most once per refresh token. The API's refresh tokens are single-use, and
/// presenting one twice revokes the session (it looks stolen); a browser loading two pages at once, or a
/// second tab, would do exactly that. So concurrent and slightly later requests that carry the same old
/// refresh token share one refresh call and its result. The memory is per web-client process: with
/// several web-client instances, route each browser to one (docs/deploy.md).</summary>
public sealed class TokenRefresher(IMemoryCache cache, TimeProvider time)
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(2);

    public async Task<ApiResult<SessionTokens>> RefreshAsync(SessionTokens current, Func<string, Task<ApiResult<SessionTokens>>> refresh)
    {
        var key = "salon-refresh:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(current.RefreshToken)));
        var shared = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Remember;
            return new Lazy<Task<ApiResult<SessionTokens>>>(() => refresh(current.RefreshToken));
        })!;
        var result = await shared.Value;
        if (!result.Ok && result.Status is not (StatusCodes.Status400BadRequest or StatusCodes.Status401Unauthorized))
        {
            // The API could not be reached or failed: nothing was decided, so the next request tries again.
            cache.Remove(key);
        }

        return result;
    }

    public bool IsDue(SessionTokens tokens, TimeSpan before) => tokens.AccessExpiresAt - time.GetUtcNow() <= before;
}
