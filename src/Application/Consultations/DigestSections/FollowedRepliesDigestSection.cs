using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.DigestSections;

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
