using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;
using Salon.Domain.Notifications;

namespace Salon.Application.Consultations.DigestSections;

/// <summary>Consultations' parts of the digest. Each answers a whole batch of readers with a fixed number of
/// queries. Only topic titles appear, shortened, never bodies or authors; hidden, held and deleted posts, named
/// posts by members the reader blocked (never anonymous ones: ADR 0016) and posts the reader hid are left out.</summary>
internal static class DigestCandidates
{
    public const int PerSection = 3;

    /// <summary>How many topics a batch considers before filtering per reader.</summary>
    public const int Pool = 200;

    public static bool Fits(FamilyPositions audience, FamilyPositions reader) => audience == FamilyPositions.None || (audience & reader) != 0;

    /// <summary>Which of the readers blocked which of the authors; pass the authors of named posts only.</summary>
    public static async Task<HashSet<(Guid Blocker, Guid Blocked)>> BlocksAsync(IMemberDirectory directory, List<Guid> readers, List<Guid> authors, CancellationToken cancellationToken) =>
        (await directory.Blocks
            .Where(b => readers.Contains(b.BlockerId) && authors.Contains(b.BlockedId))
            .Select(b => new { b.BlockerId, b.BlockedId })
            .ToListAsync(cancellationToken))
        .Select(b => (b.BlockerId, b.BlockedId))
        .ToHashSet();

    /// <summary>The posts in these topics (the topics themselves included) that each reader hid from their own view.</summary>
    public static async Task<HashSet<(Guid Member, Guid Post)>> HiddenAsync(IConsultationsDb db, List<Guid> readers, List<Guid> topics, CancellationToken cancellationToken) =>
        (await db.HiddenPosts.AsNoTracking()
            .Where(h => readers.Contains(h.MemberId) && topics.Contains(h.TopicId))
            .Select(h => new { h.MemberId, h.PostId })
            .ToListAsync(cancellationToken))
        .Select(h => (h.MemberId, h.PostId))
        .ToHashSet();

    public static IQueryable<Topic> Listed(IConsultationsDb db) =>
        db.Topics.AsNoTracking().Where(t => t.DeletedAt == null && t.Visibility == PostVisibility.Visible);
}

internal sealed record TopicCandidate(Guid Id, string Title, Guid AuthorId, bool IsAnonymous, DateTime CreatedAt, FamilyPositions Audience);

/// <summary>New replies in the topics I follow (my own topics when I chose the digest for replies to them).</summary>
public sealed class FollowedRepliesDigestSection(IConsultationsDb db, IMemberDirectory directory) : IDigestSection
{
    public int Order => 10;

    public LocalizedText Heading { get; } = new("フォロー中の相談への新しい返信", "New replies in consultations you follow");

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<DigestLine>>> CollectAsync(IReadOnlyList<DigestReader> readers, DateTime now, CancellationToken cancellationToken)
    {
        var wanting = readers.Where(r => r.DigestKinds.Contains(NotificationKinds.ReplyInFollowedTopic) || r.DigestKinds.Contains(NotificationKinds.ReplyToMyTopic)).ToList();
        if (wanting.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<DigestLine>>();
        }

        var ids = wanting.Select(r => r.MemberId).ToList();
        var earliest = wanting.Min(r => r.Since);

        // Four index-driven statements per batch: the readers' followed topics (by member), the new
        // replies in those topics (by topic and time), the readers' blocks and their hidden posts. Starting
        // from the replies instead would read every recent reply once per batch.
        var follows = await (
            from f in db.TopicFollows
            where ids.Contains(f.MemberId)
            join t in DigestCandidates.Listed(db) on f.TopicId equals t.Id
            where (t.IsAnonymous || !directory.Blocks.Any(b => b.BlockerId == f.MemberId && b.BlockedId == t.AuthorId))
                && !db.HiddenPosts.Any(h => h.MemberId == f.MemberId && h.PostId == t.Id)
            select new { f.MemberId, TopicId = t.Id, t.Title, Mine = t.AuthorId == f.MemberId })
            .ToListAsync(cancellationToken);
        if (follows.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<DigestLine>>();
        }

        var topicIds = follows.Select(f => f.TopicId).Distinct().ToList();
        var replies = (await db.Replies.AsNoTracking()
                .Where(r => topicIds.Contains(r.TopicId) && r.CreatedAt > earliest && r.DeletedAt == null && r.Visibility == PostVisibility.Visible)
                .Select(r => new { r.Id, r.TopicId, r.AuthorId, r.IsAnonymous, r.CreatedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.TopicId);
        var blocks = (await directory.Blocks.Where(b => ids.Contains(b.BlockerId)).Select(b => new { b.BlockerId, b.BlockedId }).ToListAsync(cancellationToken))
            .Select(b => (b.BlockerId, b.BlockedId))
            .ToHashSet();
        var hidden = await DigestCandidates.HiddenAsync(db, ids, topicIds, cancellationToken);
        var byReader = wanting.ToDictionary(r => r.MemberId);
        var result = new Dictionary<Guid, IReadOnlyList<DigestLine>>();
        foreach (var group in follows.GroupBy(f => f.MemberId))
        {
            var reader = byReader[group.Key];
            var lines = group
                .Where(f => reader.DigestKinds.Contains(f.Mine ? NotificationKinds.ReplyToMyTopic : NotificationKinds.ReplyInFollowedTopic))
                .Select(f => new
                {
                    f.TopicId,
                    f.Title,
                    New = replies[f.TopicId]
                        .Where(r => r.CreatedAt > reader.Since && r.AuthorId != reader.MemberId
                            && (r.IsAnonymous || !blocks.Contains((reader.MemberId, r.AuthorId)))
                            && !hidden.Contains((reader.MemberId, r.Id)))
                        .Select(r => r.CreatedAt)
                        .ToList(),
                })
                .Where(t => t.New.Count > 0)
                .OrderByDescending(t => t.New.Max())
                .Take(5)
                .Select(t => new DigestLine($"{DigestLine.Excerpt(t.Title)}（新しい返信 {t.New.Count}件 / {t.New.Count} new）", $"/topics/{t.TopicId}"))
                .ToList();
            if (lines.Count > 0)
            {
                result[group.Key] = lines;
            }
        }

        return result;
    }
}

/// <summary>New topics that others have answered or reacted to, in boards for my family position.</summary>
public sealed class PopularTopicsDigestSection(IConsultationsDb db, IMemberDirectory directory) : IDigestSection
{
    /// <summary>Replies plus reactions a new topic needs to count as popular.</summary>
    public const int Threshold = 3;

    public int Order => 20;

    public LocalizedText Heading { get; } = new("よく読まれている新しい相談", "Popular new consultations");

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<DigestLine>>> CollectAsync(IReadOnlyList<DigestReader> readers, DateTime now, CancellationToken cancellationToken)
    {
        var earliest = readers.Min(r => r.Since);
        var pool = await DigestCandidates.Listed(db)
            .Where(t => t.CreatedAt > earliest && t.OthersReplyCount + t.RelateCount + t.ThanksCount + t.SupportCount >= Threshold)
            .Join(db.Boards, t => t.BoardId, b => b.Id, (t, b) => new
            {
                t.Id,
                t.Title,
                t.AuthorId,
                t.IsAnonymous,
                t.CreatedAt,
                b.Audience,
                Score = t.OthersReplyCount + t.RelateCount + t.ThanksCount + t.SupportCount,
            })
            .OrderByDescending(t => t.Score).ThenByDescending(t => t.CreatedAt)
            .Take(DigestCandidates.Pool)
            .ToListAsync(cancellationToken);
        return await PickAsync(db, directory, readers, pool.Select(t => new TopicCandidate(t.Id, t.Title, t.AuthorId, t.IsAnonymous, t.CreatedAt, t.Audience)).ToList(), cancellationToken);
    }

    internal static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<DigestLine>>> PickAsync(
        IConsultationsDb db, IMemberDirectory directory, IReadOnlyList<DigestReader> readers, List<TopicCandidate> pool, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, IReadOnlyList<DigestLine>>();
        if (pool.Count == 0)
        {
            return result;
        }

        var readerIds = readers.Select(r => r.MemberId).ToList();
        var blocks = await DigestCandidates.BlocksAsync(directory, readerIds, pool.Where(t => !t.IsAnonymous).Select(t => t.AuthorId).Distinct().ToList(), cancellationToken);
        var hidden = await DigestCandidates.HiddenAsync(db, readerIds, pool.Select(t => t.Id).ToList(), cancellationToken);
        foreach (var reader in readers)
        {
            var lines = pool
                .Where(t => t.CreatedAt > reader.Since && t.AuthorId != reader.MemberId
                    && DigestCandidates.Fits(t.Audience, reader.FamilyPositions)
                    && (t.IsAnonymous || !blocks.Contains((reader.MemberId, t.AuthorId)))
                    && !hidden.Contains((reader.MemberId, t.Id)))
                .Take(DigestCandidates.PerSection)
                .Select(t => new DigestLine(DigestLine.Excerpt(t.Title), $"/topics/{t.Id}"))
                .ToList();
            if (lines.Count > 0)
            {
                result[reader.MemberId] = lines;
            }
        }

        return result;
    }
}

/// <summary>「まだ返信のない相談」: consultations still waiting for a first answer from someone else, longest
/// waiting first, in boards for my family position. The section that keeps peer support alive.</summary>
public sealed class UnansweredTopicsDigestSection(IConsultationsDb db, IMemberDirectory directory) : IDigestSection
{
    public int Order => 30;

    public LocalizedText Heading { get; } = new("まだ返信のない相談", "Consultations still waiting for a reply");

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<DigestLine>>> CollectAsync(IReadOnlyList<DigestReader> readers, DateTime now, CancellationToken cancellationToken)
    {
        var earliest = readers.Min(r => r.Since);
        var pool = await DigestCandidates.Listed(db)
            .Where(t => t.CreatedAt > earliest && t.OthersReplyCount == 0 && t.RepliesWelcome && !t.IsClosed)
            .Join(db.Boards, t => t.BoardId, b => b.Id, (t, b) => new { t.Id, t.Title, t.AuthorId, t.IsAnonymous, t.CreatedAt, b.Audience })
            .OrderBy(t => t.CreatedAt)
            .Take(DigestCandidates.Pool)
            .ToListAsync(cancellationToken);
        return await PopularTopicsDigestSection.PickAsync(db, directory, readers, pool.Select(t => new TopicCandidate(t.Id, t.Title, t.AuthorId, t.IsAnonymous, t.CreatedAt, t.Audience)).ToList(), cancellationToken);
    }
}
