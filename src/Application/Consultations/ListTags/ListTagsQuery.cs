using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Consultations.Views;

namespace Salon.Application.Consultations.ListTags;

/// <summary>GET /api/tags, in their display order.</summary>
public sealed record ListTagsQuery : IQuery<IReadOnlyList<TagDto>>;

public sealed class ListTagsQueryHandler(IConsultationsDb db) : IQueryHandler<ListTagsQuery, IReadOnlyList<TagDto>>
{
    public async ValueTask<IReadOnlyList<TagDto>> Handle(ListTagsQuery query, CancellationToken cancellationToken) =>
        await db.Tags.AsNoTracking()
            .OrderBy(t => t.SortOrder)
            .Select(t => new TagDto(t.Slug, t.Name, t.NameEn))
            .ToListAsync(cancellationToken);
}
