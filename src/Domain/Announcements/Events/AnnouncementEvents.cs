using Salon.Domain.Common;

namespace Salon.Domain.Announcements.Events;

/// <summary>An announcement became visible (at once, or when its <c>publishAt</c> arrived). Raised exactly
/// once per announcement; members are told through the Notifications module.</summary>
public sealed record AnnouncementPublished(Guid AnnouncementId, Guid AuthorId, string Title, bool IsPublic, DateTime OccurredAt) : IDomainEvent;
