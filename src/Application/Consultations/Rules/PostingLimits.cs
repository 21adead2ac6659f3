using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.Rules;

/// <summary>The limits and the post are one decision: in one transaction, the member's row lock is taken first, then
/// the limits are checked against everything the member has posted (a concurrent post of theirs committed before the
/// lock was granted, so it is seen), then the post is written, with its counters. Two posts of one member sent at
/// once are decided one after the other, on one instance or several (docs/adr/0018).
/// <para>The post is staged, and its events' handlers run (their reads), before the transaction, so the write lock is
/// held only for the lock, the limits, the writes and the recount (issue 15, docs/adr/0025). The time of posting is
/// read before the lock too: a post of the member's that commits while this one waits is later than it, so it is
/// still inside the interval and counted.</para></summary>
internal static class PostingLimits
{
    /// <summary>Stages the post with <paramref name="stage"/> (given the time of posting) and runs its events'
    /// handlers; then, in one transaction under the member's row lock, checks the limits and runs
    /// <paramref name="save"/> (which saves and recounts) when they allow it; throws 429 otherwise.</summary>
    public static async Task<T> PostAsync<T>(
        IConsultationsDb db,
        IMemberDirectory directory,
        PostingLimitsOptions limits,
        PosterStanding poster,
        bool isTopic,
        TimeProvider time,
        Func<DateTime, T> stage,
        Func<T, DateTime, CancellationToken, Task> save,
        CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var post = stage(now);
        await db.HandleStagedEventsAsync(cancellationToken);
        return await db.InTransactionAsync(
            async ct =>
            {
                await directory.LockAsync(poster.Id, ct);
                await EnsureAllowedAsync(db, limits, poster, isTopic, now, ct);
                await save(post, now, ct);
                return post;
            },
            cancellationToken);
    }

    /// <summary>Throws 429 (with how long to wait) when the member posts too fast or, while new, too much.</summary>
    private static async Task EnsureAllowedAsync(IConsultationsDb db, PostingLimitsOptions limits, PosterStanding poster, bool isTopic, DateTime now, CancellationToken cancellationToken)
    {
        if (limits.MinSecondsBetweenPosts > 0)
        {
            var since = now.AddSeconds(-limits.MinSecondsBetweenPosts);
            // The member's latest topic or reply in the interval, in one statement.
            var last = await db.Topics.Where(t => t.AuthorId == poster.Id && t.CreatedAt > since).Select(t => (DateTime?)t.CreatedAt)
                .Concat(db.Replies.Where(r => r.AuthorId == poster.Id && r.CreatedAt > since).Select(r => (DateTime?)r.CreatedAt))
                .MaxAsync(cancellationToken);
            if (last is { } at)
            {
                throw TooFast(at.AddSeconds(limits.MinSecondsBetweenPosts) - now);
            }
        }

        var newUntil = poster.JoinedAt + limits.NewMemberPeriod;
        if (now < newUntil)
        {
            var count = isTopic
                ? await db.Topics.CountAsync(t => t.AuthorId == poster.Id && t.CreatedAt >= poster.JoinedAt, cancellationToken)
                : await db.Replies.CountAsync(r => r.AuthorId == poster.Id && r.CreatedAt >= poster.JoinedAt, cancellationToken);
            var max = isTopic ? limits.NewMemberMaxTopics : limits.NewMemberMaxReplies;
            if (count >= max)
            {
                throw new SalonException(
                    ConsultationErrors.NewMemberLimit,
                    new LocalizedText(
                        $"登録から{limits.NewMemberPeriod.TotalHours:0}時間は、{(isTopic ? "相談" : "返信")}を{max}件まで投稿できます。時間をおいてからお試しください。",
                        $"In your first {limits.NewMemberPeriod.TotalHours:0} hours you can post up to {max} {(isTopic ? "consultations" : "replies")}. Please try again later."),
                    RetryAfter(newUntil - now));
            }
        }
    }

    private static SalonException TooFast(TimeSpan wait) => new(ConsultationErrors.PostingTooFast, extensions: RetryAfter(wait));

    private static Dictionary<string, object?> RetryAfter(TimeSpan wait) =>
        new() { ["retryAfter"] = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) };
}
