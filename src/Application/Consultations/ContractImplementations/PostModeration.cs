using Microsoft.EntityFrameworkCore;
using Salon.Application.Consultations.Contracts;
using Salon.Application.Consultations.Writes;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.ContractImplementations;

public sealed class PostModeration(IConsultationsDb db) : IPostModeration
{
    public async Task<IReadOnlyDictionary<Guid, ModeratedPost>> FindAsync(IReadOnlyCollection<Guid> postIds, CancellationToken cancellationToken)
    {
        var topics = await db.Topics.AsNoTracking()
            .Where(t => postIds.Contains(t.Id))
            .Select(t => new ModeratedPost(t.Id, PostKind.Topic, t.Id, t.Title, t.Body, t.AuthorId, t.IsAnonymous, t.Visibility == PostVisibility.Visible ? "published" : "under_review", t.DeletedAt != null, t.CreatedAt, t.ModeratedAt))
            .ToListAsync(cancellationToken);
        var replies = await db.Replies.AsNoTracking()
            .Where(r => postIds.Contains(r.Id))
            .Join(db.Topics, r => r.TopicId, t => t.Id, (r, t) => new ModeratedPost(r.Id, PostKind.Reply, t.Id, t.Title, r.Body, r.AuthorId, r.IsAnonymous, r.Visibility == PostVisibility.Visible ? "published" : "under_review", r.DeletedAt != null, r.CreatedAt, r.ModeratedAt))
            .ToListAsync(cancellationToken);
        return topics.Concat(replies).ToDictionary(p => p.PostId);
    }

    public Task<bool> HideAsync(Guid postId, DateTime now, bool byModerator, CancellationToken cancellationToken) =>
        SetVisibilityAsync(postId, PostVisibility.Hidden, byModerator ? now : null, cancellationToken);

    public Task<bool> HoldAsync(Guid postId, DateTime now, CancellationToken cancellationToken) => SetVisibilityAsync(postId, PostVisibility.Held, null, cancellationToken);

    public Task<bool> RestoreAsync(Guid postId, DateTime now, CancellationToken cancellationToken) => SetVisibilityAsync(postId, PostVisibility.Visible, now, cancellationToken);

    public async Task<bool> DeleteAsync(Guid postId, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Topics.FindAsync([postId], cancellationToken) is { } topic)
        {
            topic.Delete(now);
            return true;
        }

        if (await db.Replies.FindAsync([postId], cancellationToken) is { } reply)
        {
            reply.Delete(now);
            return true;
        }

        return false;
    }

    public Task RefreshCountsAsync(Guid topicId, CancellationToken cancellationToken) => PostCounters.RecountTopicAsync(db, topicId, cancellationToken);

    public async Task<IReadOnlyList<UnansweredTopic>> UnansweredAsync(DateTime before, int limit, CancellationToken cancellationToken) =>
        await db.Topics.AsNoTracking()
            .Where(t => t.DeletedAt == null && t.Visibility == PostVisibility.Visible && t.RepliesWelcome && !t.IsClosed && t.OthersReplyCount == 0 && t.CreatedAt < before)
            .OrderBy(t => t.CreatedAt)
            .Take(limit)
            .Select(t => new UnansweredTopic(t.Id, t.AuthorId, t.CreatedAt))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlySet<Guid>> AnsweredAsync(IReadOnlyCollection<Guid> topicIds, CancellationToken cancellationToken)
    {
        var stillOpen = await db.Topics.AsNoTracking()
            .Where(t => topicIds.Contains(t.Id) && t.DeletedAt == null && t.OthersReplyCount == 0)
            .Select(t => t.Id)
            .ToListAsync(cancellationToken);
        return topicIds.Except(stillOpen).ToHashSet();
    }

    public async Task<int> PurgeAsync(DateTime before, CancellationToken cancellationToken)
    {
        var expiredReplies = db.Replies.Where(r => (r.DeletedAt != null && r.DeletedAt < before)
            || (r.Visibility == PostVisibility.Hidden && r.ModeratedAt != null && r.ModeratedAt < before));
        var expiredTopics = db.Topics.Where(t => (t.DeletedAt != null && t.DeletedAt < before)
            || (t.Visibility == PostVisibility.Hidden && t.ModeratedAt != null && t.ModeratedAt < before));

        // Reactions and hides point at posts by id only; remove them with their posts. Topic rows cascade to
        // their replies, tags, reactions, follows, bookmarks, read marks and hides.
        await db.Reactions.Where(x => expiredReplies.Any(r => r.Id == x.PostId)).ExecuteDeleteAsync(cancellationToken);
        await db.HiddenPosts.Where(h => expiredReplies.Any(r => r.Id == h.PostId)).ExecuteDeleteAsync(cancellationToken);
        var affectedTopics = await expiredReplies.Select(r => r.TopicId).Distinct().ToListAsync(cancellationToken);
        var replies = await expiredReplies.ExecuteDeleteAsync(cancellationToken);
        var topics = await expiredTopics.ExecuteDeleteAsync(cancellationToken);
        await PostCounters.RecountTopicsAsync(db, affectedTopics, cancellationToken);
        return replies + topics;
    }

    private async Task<bool> SetVisibilityAsync(Guid postId, PostVisibility visibility, DateTime? decidedAt, CancellationToken cancellationToken)
    {
        if (await db.Topics.FindAsync([postId], cancellationToken) is { } topic)
        {
            topic.SetVisibility(visibility, decidedAt);
            return true;
        }

        if (await db.Replies.FindAsync([postId], cancellationToken) is { } reply)
        {
            reply.SetVisibility(visibility, decidedAt);
            return true;
        }

        return false;
    }
}
