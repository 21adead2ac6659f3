namespace Salon.Application.Announcements;

/// <summary>The official author. <c>isOfficial</c> is always true: announcements speak for the federation. Readers
/// who are not signed in see only the office's signature (no account id, no family positions).</summary>
public sealed record AnnouncementAuthorDto(Guid? Id, string Nickname, IReadOnlyList<string> FamilyPositions, bool IsOfficial);
