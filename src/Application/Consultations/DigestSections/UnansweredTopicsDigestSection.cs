using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;

namespace Salon.Application.Consultations.DigestSections;

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
