using Salon.Domain.Announcements;
using Salon.Domain.Common;

namespace Salon.Application.Announcements;

/// <summary>An announcement with its author's card: all null when the author's account does not exist; the author
/// left when <paramref name="AuthorDeleted"/> is true (their row remains, named 退会したメンバー).</summary>
internal sealed record AnnouncementRow(Announcement Announcement, string? Nickname, FamilyPositions? FamilyPositions, bool? AuthorDeleted)
{
    /// <summary>The official behind it no longer has an account (never had one here, or left): no one to name.</summary>
    public bool AuthorGone => Nickname is null || AuthorDeleted == true;
}
