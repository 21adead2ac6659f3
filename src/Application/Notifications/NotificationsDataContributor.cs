using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;

namespace Salon.Application.Notifications;

/// <summary>For the data export: the member's in-app notices, notification settings and digest runs.</summary>
public sealed class NotificationsDataContributor(INotificationsDb db) : IPersonalDataContributor
{
    public string Section => "notifications";

    public async Task<object> CollectAsync(Guid memberId, CancellationToken cancellationToken) => new
    {
        notices = await db.Notifications.AsNoTracking().Where(n => n.MemberId == memberId).OrderBy(n => n.CreatedAt)
            .Select(n => new { n.Id, n.Kind, n.MessageJa, n.MessageEn, n.TopicId, n.PostId, n.CreatedAt, n.ReadAt })
            .ToListAsync(cancellationToken),
        settings = await NotificationSettings.ReadAsync(db, memberId, cancellationToken),
        digests = await db.DigestRuns.AsNoTracking().Where(r => r.MemberId == memberId).OrderBy(r => r.PeriodStart)
            .Select(r => new { r.PeriodStart, r.AttemptedAt, r.Sent })
            .ToListAsync(cancellationToken),
    };
}
