using Salon.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations;

/// <summary>Denormalised counts are recomputed from the rows in one UPDATE after each change, never
/// incremented: whatever order concurrent writers commit in, the last recount sees them all, so no
/// update is lost and a repeated recount changes nothing.</summary>
internal static class PostCounters
{
    public static Task RecountTopicAsync(IConsultationsDb db, Guid topicId, CancellationToken cancellationToken) =>
        RecountTopicsAsync(db, [topicId], cancellationToken);

    public static Task RecountTopicsAsync(IConsultationsDb db, IReadOnlyCollection<Guid> topicIds, CancellationToken cancellationToken) =>
        db.Topics.Where(t => topicIds.Contains(t.Id)).ExecuteUpdateAsync(
            s => s
                .SetProperty(t => t.ReplyCount, t => db.Replies.Count(r => r.TopicId == t.Id && r.DeletedAt == null && r.Visibility == PostVisibility.Visible))
                .SetProperty(t => t.OthersReplyCount, t => db.Replies.Count(r => r.TopicId == t.Id && r.DeletedAt == null && r.Visibility == PostVisibility.Visible && r.AuthorId != t.AuthorId))
                .SetProperty(
                    t => t.LastActivityAt,
                    t => db.Replies
                        .Where(r => r.TopicId == t.Id && r.DeletedAt == null && r.Visibility == PostVisibility.Visible)
                        .Max(r => (DateTime?)r.CreatedAt) ?? t.CreatedAt),
            cancellationToken);

    public static Task RecountReactionsAsync(IConsultationsDb db, Guid postId, PostKind kind, CancellationToken cancellationToken) =>
        RecountReactionsAsync(db, [postId], kind, cancellationToken);

    public static async Task RecountReactionsAsync(IConsultationsDb db, IReadOnlyCollection<Guid> postIds, PostKind kind, CancellationToken cancellationToken)
    {
        if (kind == PostKind.Topic)
        {
            await db.Topics.Where(t => postIds.Contains(t.Id)).ExecuteUpdateAsync(
                s => s
                    .SetProperty(t => t.RelateCount, t => db.Reactions.Count(r => r.PostId == t.Id && r.Kind == ReactionKind.Relate))
                    .SetProperty(t => t.ThanksCount, t => db.Reactions.Count(r => r.PostId == t.Id && r.Kind == ReactionKind.Thanks))
                    .SetProperty(t => t.SupportCount, t => db.Reactions.Count(r => r.PostId == t.Id && r.Kind == ReactionKind.Support)),
                cancellationToken);
        }
        else
        {
            await db.Replies.Where(p => postIds.Contains(p.Id)).ExecuteUpdateAsync(
                s => s
                    .SetProperty(p => p.RelateCount, p => db.Reactions.Count(r => r.PostId == p.Id && r.Kind == ReactionKind.Relate))
                    .SetProperty(p => p.ThanksCount, p => db.Reactions.Count(r => r.PostId == p.Id && r.Kind == ReactionKind.Thanks))
                    .SetProperty(p => p.SupportCount, p => db.Reactions.Count(r => r.PostId == p.Id && r.Kind == ReactionKind.Support)),
                cancellationToken);
        }
    }
}
