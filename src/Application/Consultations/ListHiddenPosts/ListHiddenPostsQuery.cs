using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Views;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;

namespace Salon.Application.Consultations.ListHiddenPosts;

/// <summary>GET /api/me/hidden-posts: the posts the member hid from their own view, most recently hidden first,
/// so they can bring one back. Only posts they could otherwise still see; never an author. One SQL statement.</summary>
public sealed record ListHiddenPostsQuery(Guid MemberId, string? Cursor, int? Limit) : IQuery<Page<HiddenPostDto>>;

public sealed class ListHiddenPostsQueryHandler(IConsultationsDb db, IMemberDirectory directory) : IQueryHandler<ListHiddenPostsQuery, Page<HiddenPostDto>>
{
    public async ValueTask<Page<HiddenPostDto>> Handle(ListHiddenPostsQuery query, CancellationToken cancellationToken)
    {
        var size = PageLimits.Clamp(query.Limit);
        var topics = ConsultationRules.VisibleTopics(db, directory, query.MemberId);
        var replies = ConsultationRules.VisibleReplies(db, directory, query.MemberId).Where(r => r.DeletedAt == null);
        var hidden = db.HiddenPosts.AsNoTracking().Where(h => h.MemberId == query.MemberId
            && topics.Any(t => t.Id == h.TopicId)
            && (h.PostKind == PostKind.Topic || replies.Any(r => r.Id == h.PostId)));
        if (KeysetCursor.Decode(query.Cursor) is { } after)
        {
            hidden = hidden.Where(h => h.HiddenAt < after.At || (h.HiddenAt == after.At && h.PostId.CompareTo(after.Id) < 0));
        }

        var rows = await hidden
            .OrderByDescending(h => h.HiddenAt).ThenByDescending(h => h.PostId)
            .Take(size + 1)
            .Select(h => new
            {
                h.PostId,
                h.PostKind,
                h.TopicId,
                h.HiddenAt,
                TopicTitle = db.Topics.Where(t => t.Id == h.TopicId).Select(t => t.Title).First(),
                Excerpt = h.PostKind == PostKind.Topic
                    ? db.Topics.Where(t => t.Id == h.PostId).Select(t => t.Body.Substring(0, ConsultationViews.ExcerptLength + 1)).First()
                    : db.Replies.Where(r => r.Id == h.PostId).Select(r => r.Body.Substring(0, ConsultationViews.ExcerptLength + 1)).First(),
            })
            .OrderByDescending(h => h.HiddenAt).ThenByDescending(h => h.PostId)
            .ToListAsync(cancellationToken);

        var items = rows.Take(size).Select(r => new HiddenPostDto(
            r.PostId,
            r.PostKind == PostKind.Topic ? "topic" : "reply",
            r.TopicId,
            r.TopicTitle,
            ConsultationViews.Excerpt(r.Excerpt),
            r.HiddenAt)).ToList();
        var next = rows.Count > size ? new KeysetCursor(rows[size - 1].HiddenAt, rows[size - 1].PostId).Encode() : null;
        return new Page<HiddenPostDto>(items, next);
    }
}
