using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Events;
using Salon.Application.Members.Contracts;
using Salon.Domain.Announcements.Events;
using Salon.Domain.Common;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.NoticesFromAnnouncements;

/// <summary>When an announcement becomes visible, every member (but its author, and those who switched
/// announcement notices off) gets one in-app notice, in the transaction that published it; members who chose
/// immediate e-mail for announcements get a neutral e-mail (the default is the digest). The event is raised
/// once per announcement, so each is created once. Members are read in one pass, a batch at a time.</summary>
public sealed class NotifyMembersOfAnnouncement(INotificationsDb db, IMemberDirectory directory, NoticeSender notices) : IDomainEventHandler<AnnouncementPublished>
{
    private const int Batch = 2000;

    public async Task HandleAsync(AnnouncementPublished domainEvent, CancellationToken cancellationToken)
    {
        var email = new Notice(
            NotificationKinds.Announcements,
            new LocalizedText(domainEvent.Title, domainEvent.Title),
            new LocalizedText("運営から新しいお知らせがあります。", "There is a new announcement from Salon."),
            $"/announcements/{domainEvent.AnnouncementId}");
        var members = directory.Cards.Where(c => !c.IsDeleted && c.Id != domainEvent.AuthorId).OrderBy(c => c.Id).Select(c => c.Id);
        Guid? after = null;
        while (true)
        {
            var page = after is { } last ? members.Where(id => id.CompareTo(last) > 0) : members;
            var ids = await page.Take(Batch).ToListAsync(cancellationToken);
            var muted = await NotificationSettings.MutedInAppAsync(db, ids, NotificationKinds.Announcements, cancellationToken);
            foreach (var memberId in ids.Where(id => !muted.Contains(id)))
            {
                db.Notifications.Add(Notification.AboutAnnouncement(
                    memberId,
                    $"運営からのお知らせ「{domainEvent.Title}」が届きました。",
                    $"New announcement from Salon: \"{domainEvent.Title}\".",
                    domainEvent.AnnouncementId,
                    domainEvent.OccurredAt));
            }

            await notices.EmailImmediatelyAsync(ids, email, cancellationToken);
            if (ids.Count < Batch)
            {
                return;
            }

            after = ids[^1];
        }
    }
}
