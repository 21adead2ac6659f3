using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

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
