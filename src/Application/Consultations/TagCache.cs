using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Common.Caching;
using Salon.Application.Consultations.Views;

namespace Salon.Application.Consultations;

/// <summary>The keyword tags in display order, cached in memory (GET /api/tags). They are reference data: the start-up
/// seeder writes them (<c>DefaultBoardsSeeder</c>) and no endpoint changes them, so a request need not read them from the
/// database. An operator's direct change to the table shows within <see cref="Duration"/>.</summary>
public sealed class TagCache(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(1);

    private readonly TimedValue<IReadOnlyList<TagDto>> _tags = new(time);

    public Task<IReadOnlyList<TagDto>> GetAsync(CancellationToken cancellationToken) =>
        _tags.GetAsync(Duration, LoadAsync, cancellationToken);

    public void Dispose() => _tags.Dispose();

    private async Task<IReadOnlyList<TagDto>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IConsultationsDb>();
        return await db.Tags.AsNoTracking()
            .OrderBy(t => t.SortOrder)
            .Select(t => new TagDto(t.Slug, t.Name, t.NameEn))
            .ToListAsync(cancellationToken);
    }
}
