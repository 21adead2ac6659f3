using Mediator;
using Salon.Application.Consultations.Views;

namespace Salon.Application.Consultations.ListTags;

/// <summary>GET /api/tags, in their display order, from the in-memory <see cref="TagCache"/>.</summary>
public sealed record ListTagsQuery : IQuery<IReadOnlyList<TagDto>>;

public sealed class ListTagsQueryHandler(TagCache tags) : IQueryHandler<ListTagsQuery, IReadOnlyList<TagDto>>
{
    public async ValueTask<IReadOnlyList<TagDto>> Handle(ListTagsQuery query, CancellationToken cancellationToken) =>
        await tags.GetAsync(cancellationToken);
}
