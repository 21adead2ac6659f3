using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Views;
using Salon.Application.Members.Contracts;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.GetTopic;

/// <summary>GET /api/topics/{id}: the topic, one page of replies (<c>cursor</c> for more), reaction counts,
/// my reactions, and whether I follow or bookmarked it. Two SQL statements whatever the page size.
/// Moderators also see topics that are hidden or held (never deleted ones), to review them; authors stay masked.</summary>
public sealed record GetTopicQuery(Guid ViewerId, Guid TopicId, string? Cursor, int? Limit, bool ViewerIsModerator = false) : IQuery<TopicDetailDto>;

public sealed class GetTopicQueryHandler(IConsultationsDb db, IMemberDirectory directory, TagCache tags) : IQueryHandler<GetTopicQuery, TopicDetailDto>
{
    public async ValueTask<TopicDetailDto> Handle(GetTopicQuery query, CancellationToken cancellationToken)
    {
        var viewer = query.ViewerId;
        var topics = query.ViewerIsModerator ? db.Topics.Where(t => t.DeletedAt == null) : ConsultationRules.VisibleTopics(db, directory, viewer);
        var topic = await topics
            .AsNoTracking()
            .Where(t => t.Id == query.TopicId)
            .Join(directory.Cards, t => t.AuthorId, m => m.Id, (t, m) => new { Topic = t, Author = m })
            .Join(db.Boards, x => x.Topic.BoardId, b => b.Id, (x, b) => new
            {
                x.Topic,
                x.Author,
                Board = new BoardRefDto(b.Slug, b.Name, b.NameEn),
                // Tags and my reactions: one column each, as in the topic lists (TopicSummaries, ReplyPages).
                Tags = db.TopicTags.Where(tt => tt.TopicId == x.Topic.Id)
                    .Join(db.Tags, tt => tt.TagId, tag => tag.Id, (tt, tag) => new { tt.TopicId, tag.Slug })
                    .GroupBy(z => z.TopicId)
                    .Select(g => string.Join(ConsultationViews.TagSeparator, g.Select(z => z.Slug)))
                    .FirstOrDefault(),
                MyReactions = db.Reactions.Where(r => r.PostId == x.Topic.Id && r.MemberId == viewer)
                    .Select(r => r.Kind).Sum(ConsultationViews.ReactionBit),
                IsFollowing = db.TopicFollows.Any(f => f.TopicId == x.Topic.Id && f.MemberId == viewer),
                IsBookmarked = db.TopicBookmarks.Any(f => f.TopicId == x.Topic.Id && f.MemberId == viewer),
                LastReadAt = db.TopicReads.Where(r => r.TopicId == x.Topic.Id && r.MemberId == viewer).Select(r => (DateTime?)r.LastReadAt).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw PostRules.Gone();

        var replies = await ReplyPages.PageAsync(db, directory, topic.Topic.Id, viewer, query.Cursor, query.Limit, cancellationToken);
        var t = topic.Topic;
        return new TopicDetailDto(
            t.Id,
            topic.Board,
            t.Title,
            t.Body,
            ConsultationViews.Author(topic.Author, t.IsAnonymous, t.AuthorDeparted, viewer),
            t.AuthorId == viewer,
            ConsultationViews.Tags(topic.Tags, await tags.GetAsync(cancellationToken)),
            t.RepliesWelcome,
            t.ContentWarning,
            t.IsClosed,
            ConsultationViews.Status(t.Visibility),
            t.CreatedAt,
            t.EditedAt,
            t.LastActivityAt,
            t.ReplyCount,
            new ReactionCountsDto(t.RelateCount, t.ThanksCount, t.SupportCount),
            ConsultationViews.ReactionNames(topic.MyReactions),
            topic.IsFollowing,
            topic.IsBookmarked,
            topic.LastReadAt,
            replies);
    }
}
