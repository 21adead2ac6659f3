using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Salon.Application.Moderation;

/// <summary>The watched words, cached in memory. A change through this instance applies at once;
/// other instances pick it up within <see cref="SafetyOptions.WatchedWordsCacheDuration"/>.</summary>
public sealed class WatchedWordCache(IServiceScopeFactory scopes, TimeProvider time, IOptions<SafetyOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<WatchedWordEntry>? _words;
    private DateTimeOffset _loadedAt;

    public async Task<IReadOnlyList<WatchedWordEntry>> GetAsync(CancellationToken cancellationToken)
    {
        var words = _words;
        if (words is not null && time.GetUtcNow() - _loadedAt < options.Value.WatchedWordsCacheDuration)
        {
            return words;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_words is null || time.GetUtcNow() - _loadedAt >= options.Value.WatchedWordsCacheDuration)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IModerationDb>();
                _words = await db.WatchedWords.AsNoTracking()
                    .OrderBy(w => w.Word)
                    .Select(w => new WatchedWordEntry(w.Word, w.FoldedWord, w.Action))
                    .ToListAsync(cancellationToken);
                _loadedAt = time.GetUtcNow();
            }

            return _words;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _words = null;

    public void Dispose() => _gate.Dispose();
}
