using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Persistence;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.Writes;

/// <summary>Denormalised counts are recomputed from the rows in one UPDATE after each change (a new reply, the
/// most frequent write, is added instead: <see cref="CountNewReplyAsync"/>): whatever order concurrent writers commit in, the last recount sees them all, so no
/// update is lost and a repeated recount changes nothing.
/// <para>Each recount first locks the rows it will write (a no-op UPDATE), then recounts in a second
/// statement of the same transaction. On PostgreSQL (READ COMMITTED) an UPDATE that waited for another
/// writer's row lock re-checks the row but evaluates its subqueries with the snapshot taken before it waited,
/// so a single-statement recount could write a count that misses the other writer's committed row. Taking the
/// lock first means the recount statement's snapshot is taken after every earlier recount committed. SQLite
/// serialises writers, so there it costs one cheap statement.</para>
/// <para>The recount runs in the same transaction as the change it counts (the caller's, or one opened here), so a
/// crash between the two leaves both or neither (docs/adr/0018): a handler saves and recounts inside
/// <c>InTransactionAsync</c>, or calls <see cref="SaveAndRecountTopicAsync"/>.</para>
/// <para><c>OthersReplyCount</c> (「まだ返信のない相談」, the digests, the needs-reply sweep) counts every visible reply except
/// the topic author's own when both the topic and the reply carry a name: when either is anonymous, a reply counts whoever
/// wrote it, so that whether a topic is unanswered never tells who wrote an anonymous post (docs/adr/0041).</para></summary>
internal static class PostCounters
{
    /// <summary>Counts a new reply into its topic, in the caller's transaction, after the reply's insert: one UPDATE that
    /// adds it to the counts instead of recounting every reply of the thread (issue 15, docs/adr/0029). Exact as long as
    /// the counts were: the insert and this UPDATE commit together, and the UPDATE reads the row it writes (on
    /// PostgreSQL, an UPDATE that waited for another writer's row lock applies its increment to the row that writer
    /// committed), so concurrent replies each add theirs. A reply held for review counts nothing until it is restored,
    /// which recounts. Every other change (delete, edit that holds, hide, restore) still recounts.</summary>
    public static Task<int> CountNewReplyAsync(IConsultationsDb db, Reply reply, CancellationToken cancellationToken) =>
        reply.Visibility != PostVisibility.Visible
            ? Task.FromResult(0)
            : db.Topics.Where(t => t.Id == reply.TopicId).ExecuteUpdateAsync(
                s => s
                    .SetProperty(t => t.ReplyCount, t => t.ReplyCount + 1)
                    .SetProperty(t => t.OthersReplyCount, t => !t.IsAnonymous && !reply.IsAnonymous && t.AuthorId == reply.AuthorId ? t.OthersReplyCount : t.OthersReplyCount + 1)
                    .SetProperty(t => t.LastActivityAt, t => t.LastActivityAt > reply.CreatedAt ? t.LastActivityAt : reply.CreatedAt),
                cancellationToken);

    public static Task RecountTopicAsync(IConsultationsDb db, Guid topicId, CancellationToken cancellationToken) =>
        RecountTopicsAsync(db, [topicId], cancellationToken);

    /// <summary>Saves the staged change to a reply (a delete, an edit that holds it) and recounts its topic, in one
    /// transaction.</summary>
    public static Task SaveAndRecountTopicAsync(IConsultationsDb db, Guid topicId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(
            async ct =>
            {
                await db.SaveChangesAsync(ct);
                await RecountTopicAsync(db, topicId, ct);
            },
            cancellationToken);

    public static Task RecountTopicsAsync(IConsultationsDb db, IReadOnlyCollection<Guid> topicIds, CancellationToken cancellationToken) =>
        LockedAsync(
            db,
            ct => db.Topics.Where(t => topicIds.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplyCount, t => t.ReplyCount), ct),
            ct => RecountTopicRowsAsync(db, topicIds, ct),
            cancellationToken);

    private static Task<int> RecountTopicRowsAsync(IConsultationsDb db, IReadOnlyCollection<Guid> topicIds, CancellationToken cancellationToken) =>
        db.Topics.Where(t => topicIds.Contains(t.Id)).ExecuteUpdateAsync(
            s => s
                .SetProperty(t => t.ReplyCount, t => db.Replies.Count(r => r.TopicId == t.Id && r.DeletedAt == null && r.Visibility == PostVisibility.Visible))
                .SetProperty(t => t.OthersReplyCount, t => db.Replies.Count(r => r.TopicId == t.Id && r.DeletedAt == null && r.Visibility == PostVisibility.Visible && (t.IsAnonymous || r.IsAnonymous || r.AuthorId != t.AuthorId)))
                .SetProperty(
                    t => t.LastActivityAt,
                    t => db.Replies
                        .Where(r => r.TopicId == t.Id && r.DeletedAt == null && r.Visibility == PostVisibility.Visible)
                        .Max(r => (DateTime?)r.CreatedAt) ?? t.CreatedAt),
            cancellationToken);

    public static Task RecountReactionsAsync(IConsultationsDb db, Guid postId, PostKind kind, CancellationToken cancellationToken) =>
        RecountReactionsAsync(db, [postId], kind, cancellationToken);

    public static Task RecountReactionsAsync(IConsultationsDb db, IReadOnlyCollection<Guid> postIds, PostKind kind, CancellationToken cancellationToken) =>
        LockedAsync(
            db,
            ct => kind == PostKind.Topic
                ? db.Topics.Where(t => postIds.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.RelateCount, t => t.RelateCount), ct)
                : db.Replies.Where(p => postIds.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.RelateCount, p => p.RelateCount), ct),
            ct => RecountReactionRowsAsync(db, postIds, kind, ct),
            cancellationToken);

    /// <summary>Takes the post's row lock in the caller's transaction (a no-op UPDATE), so that what follows for this
    /// post (a reaction, its grouped notice, the recount) is serialised with other writers of the same post.</summary>
    public static Task<int> LockPostAsync(IConsultationsDb db, Guid postId, PostKind kind, CancellationToken cancellationToken) =>
        kind == PostKind.Topic
            ? db.Topics.Where(t => t.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(t => t.RelateCount, t => t.RelateCount), cancellationToken)
            : db.Replies.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(p => p.RelateCount, p => p.RelateCount), cancellationToken);

    /// <summary>Lock, then recount, in one transaction (the caller's, when it has one).</summary>
    private static Task LockedAsync(IConsultationsDb db, Func<CancellationToken, Task<int>> lockRows, Func<CancellationToken, Task> recount, CancellationToken cancellationToken) =>
        db.InTransactionAsync(
            async ct =>
            {
                await lockRows(ct);
                await recount(ct);
            },
            cancellationToken);

    private static async Task RecountReactionRowsAsync(IConsultationsDb db, IReadOnlyCollection<Guid> postIds, PostKind kind, CancellationToken cancellationToken)
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
