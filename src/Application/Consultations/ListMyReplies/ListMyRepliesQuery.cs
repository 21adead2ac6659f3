using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Views;

namespace Salon.Application.Consultations.ListMyReplies;

/// <summary>GET /api/me/replies: the member's own replies, newest first, with the topic they answer.</summary>
public sealed record ListMyRepliesQuery(Guid MemberId, string? Cursor, int? Limit) : IQuery<Page<MyReplyDto>>;

public sealed class ListMyRepliesQueryHandler(IConsultationsDb db, Members.Contracts.IMemberDirectory directory) : IQueryHandler<ListMyRepliesQuery, Page<MyReplyDto>>
{
    public async ValueTask<Page<MyReplyDto>> Handle(ListMyRepliesQuery query, CancellationToken cancellationToken)
    {
        var size = PageLimits.Clamp(query.Limit);
        // Only replies in topics the member can still open, filtered before the page is cut.
        var topics = ConsultationRules.VisibleTopics(db, directory, query.MemberId);
        var replies = db.Replies.AsNoTracking().Where(r => r.AuthorId == query.MemberId && r.DeletedAt == null && topics.Any(t => t.Id == r.TopicId));
        if (KeysetCursor.Decode(query.Cursor) is { } after)
        {
            replies = replies.Where(r => r.CreatedAt < after.At || (r.CreatedAt == after.At && r.Id.CompareTo(after.Id) < 0));
        }

        var rows = await replies
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(size + 1)
            .Join(db.Topics, r => r.TopicId, t => t.Id, (r, t) => new
            {
                r.Id,
                r.TopicId,
                TopicTitle = t.Title,
                Excerpt = r.Body.Substring(0, ConsultationViews.ExcerptLength + 1),
                r.IsAnonymous,
                r.Visibility,
                r.CreatedAt,
                r.EditedAt,
                r.RelateCount,
                r.ThanksCount,
                r.SupportCount,
            })
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);

        var items = rows.Take(size).Select(r => new MyReplyDto(
            r.Id,
            r.TopicId,
            r.TopicTitle,
            ConsultationViews.Excerpt(r.Excerpt),
            r.IsAnonymous,
            ConsultationViews.Status(r.Visibility),
            r.CreatedAt,
            r.EditedAt,
            new ReactionCountsDto(r.RelateCount, r.ThanksCount, r.SupportCount))).ToList();
        var next = rows.Count > size ? new KeysetCursor(rows[size - 1].CreatedAt, rows[size - 1].Id).Encode() : null;
        return new Page<MyReplyDto>(items, next);
    }
}
