namespace Salon.Application.Announcements;

/// <summary>The official author. <c>isOfficial</c> is always true: announcements speak for the federation. Readers
/// who are not signed in see only the office's signature (運営事務局: no account id, no family positions), and so does
/// everyone once the official's account is gone (they left).</summary>
public sealed record AnnouncementAuthorDto(Guid? Id, string Nickname, IReadOnlyList<string> FamilyPositions, bool IsOfficial);
