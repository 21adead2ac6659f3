using Mediator;
using Salon.Application.Common.Paging;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Views;
using Salon.Application.Members.Contracts;

namespace Salon.Application.Consultations.ListBookmarks;

/// <summary>GET /api/me/bookmarks: bookmarked topics the member can still see and has not hidden, newest activity first.</summary>
public sealed record ListBookmarksQuery(Guid MemberId, string? Cursor, int? Limit) : IQuery<Page<TopicSummaryDto>>;

public sealed class ListBookmarksQueryHandler(IConsultationsDb db, IMemberDirectory directory, TagCache tags) : IQueryHandler<ListBookmarksQuery, Page<TopicSummaryDto>>
{
    public async ValueTask<Page<TopicSummaryDto>> Handle(ListBookmarksQuery query, CancellationToken cancellationToken)
    {
        var topics = ConsultationRules.ListedTopics(db, directory, query.MemberId)
            .Where(t => db.TopicBookmarks.Any(b => b.TopicId == t.Id && b.MemberId == query.MemberId));
        return await TopicSummaries.PageAsync(db, directory, tags, topics, null, query.MemberId, query.Cursor, query.Limit, cancellationToken);
    }
}
