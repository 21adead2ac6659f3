using Salon.Domain.Common;

namespace Salon.Application.Members.Contracts;

/// <summary>A member who can be written to now: not deleted, not suspended, with a confirmed address.
/// For mail-sending modules only; the address never goes into a response or a log.</summary>
public sealed record ReachableMember
{
    public Guid Id { get; init; }

    public string Email { get; init; } = string.Empty;

    /// <summary>Upper-cased, to match lists of undeliverable addresses.</summary>
    public string NormalizedEmail { get; init; } = string.Empty;

    public FamilyPositions FamilyPositions { get; init; }

    /// <summary>When the member last used the site (to within a few minutes), or null if never since it was tracked.</summary>
    public DateTime? LastSeenAt { get; init; }
}
