namespace Salon.Application.Members;

/// <summary>What another member may see: never e-mail, never precise activity.</summary>
public sealed record PublicProfileDto(
    Guid Id,
    string Nickname,
    string[] FamilyPositions,
    string Bio,
    bool IsOfficial,
    string JoinedAt);
