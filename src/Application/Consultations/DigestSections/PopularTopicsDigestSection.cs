using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;

namespace Salon.Application.Consultations.DigestSections;

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
