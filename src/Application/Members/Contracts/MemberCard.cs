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
