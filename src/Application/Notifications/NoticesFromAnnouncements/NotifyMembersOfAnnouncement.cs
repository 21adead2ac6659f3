using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Events;
using Salon.Application.Members.Contracts;
using Salon.Domain.Announcements.Events;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.NoticesFromAnnouncements;

/// <summary>When an announcement becomes visible, every member (but its author, and those who switched
/// announcement notices off) gets one in-app notice, in the transaction that published it. The event is
/// raised once per announcement, so the notice is created once.</summary>
public sealed class NotifyMembersOfAnnouncement(INotificationsDb db, IMemberDirectory directory) : IDomainEventHandler<AnnouncementPublished>
{
    private const int Batch = 2000;

    public async Task HandleAsync(AnnouncementPublished domainEvent, CancellationToken cancellationToken)
    {
        var muted = db.NotificationPreferences.Where(p => p.Kind == NotificationKinds.Announcements && !p.InApp).Select(p => p.MemberId);
        var recipients = directory.Cards
            .Where(c => !c.IsDeleted && c.Id != domainEvent.AuthorId && !muted.Contains(c.Id))
            .OrderBy(c => c.Id)
            .Select(c => c.Id);
        Guid? after = null;
        while (true)
        {
            var page = after is { } last ? recipients.Where(id => id.CompareTo(last) > 0) : recipients;
            var ids = await page.Take(Batch).ToListAsync(cancellationToken);
            foreach (var memberId in ids)
            {
                db.Notifications.Add(Notification.AboutAnnouncement(
                    memberId,
                    $"運営からのお知らせ「{domainEvent.Title}」が届きました。",
                    $"New announcement from Salon: \"{domainEvent.Title}\".",
                    domainEvent.AnnouncementId,
                    domainEvent.OccurredAt));
            }

            if (ids.Count < Batch)
            {
                return;
            }

            after = ids[^1];
        }
    }
}
