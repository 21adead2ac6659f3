using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.ListBoardTopics;

/// <summary>GET /api/boards/{slug}/topics: newest activity first; <c>tag</c> filters by a tag's slug or
/// name; <c>unanswered</c> keeps topics nobody but the author has replied to; topics the viewer hid are left out.
/// Two SQL statements.</summary>
public sealed record ListBoardTopicsQuery(Guid ViewerId, string BoardSlug, string? Tag, bool Unanswered, string? Cursor, int? Limit)
    : IQuery<Page<TopicSummaryDto>>;

public sealed class ListBoardTopicsQueryHandler(IConsultationsDb db, IMemberDirectory directory)
    : IQueryHandler<ListBoardTopicsQuery, Page<TopicSummaryDto>>
{
    public async ValueTask<Page<TopicSummaryDto>> Handle(ListBoardTopicsQuery query, CancellationToken cancellationToken)
    {
        var board = await db.Boards.AsNoTracking()
            .Where(b => b.Slug == query.BoardSlug)
            .Select(b => new { b.Id, b.Slug })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw SalonException.NotFound(new LocalizedText("掲示板が見つかりませんでした。", "The board was not found."));

        var topics = ConsultationRules.ListedTopics(db, directory, query.ViewerId).Where(t => t.BoardId == board.Id);
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim();
            topics = topics.Where(t => t.Tags.Any(tt => db.Tags.Any(x => x.Id == tt.TagId && (x.Slug == tag || x.Name == tag))));
        }

        if (query.Unanswered)
        {
            topics = topics.Where(t => t.OthersReplyCount == 0);
        }

        return await TopicSummaries.PageAsync(db, directory, topics, board.Slug, query.ViewerId, query.Cursor, query.Limit, cancellationToken);
    }
}
