using Salon.Domain.Common;

namespace Salon.Application.Members.Contracts;

/// <summary>How another module shows an author: never an e-mail. (Init-only properties rather than a
/// positional record, so EF Core can translate member access on it inside a composed query.)</summary>
public sealed record MemberCard
{
    public Guid Id { get; init; }

    public string Nickname { get; init; } = string.Empty;

    public FamilyPositions FamilyPositions { get; init; }

    public bool IsOfficial { get; init; }

    public bool IsDeleted { get; init; }
}

/// <summary>"Blocker blocked Blocked".</summary>
public sealed record BlockPair
{
    public Guid BlockerId { get; init; }

    public Guid BlockedId { get; init; }
}

/// <summary>What a module needs to know before letting a member post.</summary>
public sealed record PosterStanding(Guid Id, FamilyPositions FamilyPositions, bool CanPost, DateTime? SuspendedUntil, DateTime JoinedAt);

/// <summary>Read-only views of members for other modules. The queryables compose into the caller's own
/// query (one SQL statement), so showing authors and filtering blocked members costs no extra round trip.</summary>
public interface IMemberDirectory
{
    IQueryable<MemberCard> Cards { get; }

    IQueryable<BlockPair> Blocks { get; }

    Task<PosterStanding?> GetStandingAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>Takes the member's row lock in the caller's open transaction, held until it ends, so that one member's
    /// check-then-write decisions in other modules (posting limits; follow, bookmark and read rows) run one at a time,
    /// on one instance or several. Call it first in the transaction, before reading what the decision depends on.
    /// False when there is no such member.</summary>
    Task<bool> LockAsync(Guid memberId, CancellationToken cancellationToken);
}
