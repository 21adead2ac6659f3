using Salon.Application.Common.Events;
using Salon.Domain.Announcements.Events;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.NoticesFromAnnouncements;

/// <summary>When an announcement becomes visible, every member (but its author, and those who switched
/// announcement notices off) gets one in-app notice; members who chose immediate e-mail for announcements get a
/// neutral e-mail (the default is the digest). In the transaction that publishes it, this only records the
/// delivery; the notices are written by <see cref="DeliverAnnouncementNotices.DeliverAnnouncementNoticesCommand"/>
/// in batches of separate transactions, so no transaction holds the write lock for every member at once
/// (issue 15). The event is raised once per announcement, so each delivery is recorded once.</summary>
public sealed class NotifyMembersOfAnnouncement(INotificationsDb db) : IDomainEventHandler<AnnouncementPublished>
{
    public Task HandleAsync(AnnouncementPublished domainEvent, CancellationToken cancellationToken)
    {
        db.AnnouncementDeliveries.Add(AnnouncementDelivery.Start(domainEvent.AnnouncementId, domainEvent.AuthorId, domainEvent.Title, domainEvent.OccurredAt));
        return Task.CompletedTask;
    }
}
