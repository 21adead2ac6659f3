using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;
using Salon.Application.Members.Contracts;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.Views;

/// <summary>One page of topic summaries, newest activity first, keyset-paginated on (LastActivityAt, Id),
/// in one SQL statement (authors, tags and unread counts included), one row per topic.</summary>
internal static class TopicSummaries
{
    public static async Task<Page<TopicSummaryDto>> PageAsync(
        IConsultationsDb db,
        IMemberDirectory directory,
        TagCache tags,
        IQueryable<Topic> topics,
        string? boardSlug,
        Guid viewerId,
        string? cursor,
        int? limit,
        CancellationToken cancellationToken)
    {
        var size = PageLimits.Clamp(limit);
        if (KeysetCursor.Decode(cursor) is { } after)
        {
            topics = topics.Where(t => t.LastActivityAt < after.At || (t.LastActivityAt == after.At && t.Id.CompareTo(after.Id) < 0));
        }

        var rows = await topics
            .OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id)
            .Take(size + 1)
            .Join(directory.Cards, t => t.AuthorId, m => m.Id, (t, m) => new { Topic = t, Author = m })
            // The viewer's read mark, joined once (its date and the unread count both need it).
            .LeftJoin(db.TopicReads.Where(r => r.MemberId == viewerId), x => x.Topic.Id, r => r.TopicId, (x, read) => new { x.Topic, x.Author, Read = read })
            .Select(x => new
            {
                x.Topic.Id,
                BoardSlug = boardSlug ?? db.Boards.Where(b => b.Id == x.Topic.BoardId).Select(b => b.Slug).First(),
                x.Topic.Title,
                Excerpt = x.Topic.Body.Substring(0, ConsultationViews.ExcerptLength + 1),
                x.Author,
                x.Topic.AuthorId,
                x.Topic.IsAnonymous,
                x.Topic.AuthorDeparted,
                // One column, not a collection: a collection would make EF Core join TopicTags into the page and
                // multiply and sort its rows (the page's SQL took 1.6 times as long). Joined inside the correlated
                // subquery, so SQLite seeks TopicTags by topic (docs/performance.md); split and ordered by
                // ConsultationViews.Tags.
                Tags = db.TopicTags.Where(tt => tt.TopicId == x.Topic.Id)
                    .Join(db.Tags, tt => tt.TagId, tag => tag.Id, (tt, tag) => new { tt.TopicId, tag.Slug })
                    .GroupBy(z => z.TopicId)
                    .Select(g => string.Join(ConsultationViews.TagSeparator, g.Select(z => z.Slug)))
                    .FirstOrDefault(),
                x.Topic.RepliesWelcome,
                x.Topic.ContentWarning,
                x.Topic.IsClosed,
                x.Topic.Visibility,
                x.Topic.CreatedAt,
                x.Topic.EditedAt,
                x.Topic.LastActivityAt,
                x.Topic.ReplyCount,
                x.Topic.RelateCount,
                x.Topic.ThanksCount,
                x.Topic.SupportCount,
                LastReadAt = x.Read == null ? null : (DateTime?)x.Read.LastReadAt,
                // Counted from the viewer's read mark on (an index range on Replies (TopicId, CreatedAt)), only when
                // there is one, and only up to the cap: at most that many replies are read per topic, however many
                // arrived since (with a thousand per thread since the mark, a page cost 45 ms of SQL, 9 ms capped).
                Unread = x.Read == null ? 0 : db.Replies
                    .Where(r => r.TopicId == x.Topic.Id && r.CreatedAt > x.Read.LastReadAt
                        && r.DeletedAt == null && r.Visibility == PostVisibility.Visible)
                    .Take(TopicSummaryDto.UnreadRepliesCap)
                    .Count(),
            })
            .OrderByDescending(x => x.LastActivityAt).ThenByDescending(x => x.Id)
            .ToListAsync(cancellationToken);

        var tagOrder = await tags.GetAsync(cancellationToken);
        var items = rows.Take(size).Select(r => new TopicSummaryDto(
            r.Id,
            r.BoardSlug,
            r.Title,
            ConsultationViews.Excerpt(r.Excerpt),
            ConsultationViews.Author(r.Author, r.IsAnonymous, r.AuthorDeparted, viewerId),
            r.AuthorId == viewerId,
            ConsultationViews.Tags(r.Tags, tagOrder),
            r.RepliesWelcome,
            r.ContentWarning,
            r.IsClosed,
            ConsultationViews.Status(r.Visibility),
            r.CreatedAt,
            r.EditedAt,
            r.LastActivityAt,
            r.ReplyCount,
            new ReactionCountsDto(r.RelateCount, r.ThanksCount, r.SupportCount),
            r.LastReadAt is null ? null : r.Unread)).ToList();
        var next = rows.Count > size ? new KeysetCursor(rows[size - 1].LastActivityAt, rows[size - 1].Id).Encode() : null;
        return new Page<TopicSummaryDto>(items, next);
    }
}
