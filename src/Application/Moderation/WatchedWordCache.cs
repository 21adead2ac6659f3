using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Salon.Application.Common.Caching;
using Salon.Domain.Moderation;

namespace Salon.Application.Moderation;

/// <summary>The watched words, cached in memory. A change through this instance applies at once;
/// other instances pick it up within <see cref="SafetyOptions.WatchedWordsCacheDuration"/>.</summary>
public sealed class WatchedWordCache(IServiceScopeFactory scopes, TimeProvider time, IOptions<SafetyOptions> options) : IDisposable
{
    private readonly TimedValue<IReadOnlyList<WatchedWordEntry>> _words = new(time);

    public Task<IReadOnlyList<WatchedWordEntry>> GetAsync(CancellationToken cancellationToken) =>
        _words.GetAsync(options.Value.WatchedWordsCacheDuration, LoadAsync, cancellationToken);

    public void Invalidate() => _words.Invalidate();

    public void Dispose() => _words.Dispose();

    private async Task<IReadOnlyList<WatchedWordEntry>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IModerationDb>();
        var words = await db.WatchedWords.AsNoTracking()
            .OrderBy(w => w.Word)
            .Select(w => new WatchedWordEntry(w.Word, w.FoldedWord, w.Action))
            .ToListAsync(cancellationToken);

        // A word saved before the validator refused combining marks alone matches nothing, rather than every post
        // where that mark follows a character.
        return words.Where(w => SafetyText.HasBaseCharacter(w.FoldedWord)).ToList();
    }
}
