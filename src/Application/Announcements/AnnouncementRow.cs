using Salon.Domain.Announcements;
using Salon.Domain.Common;

namespace Salon.Application.Announcements;

/// <summary>An announcement with its author's card; both null when the author's account no longer exists.</summary>
internal sealed record AnnouncementRow(Announcement Announcement, string? Nickname, FamilyPositions? FamilyPositions);
