using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Members.Contracts;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.DeliverAnnouncementNotices;

/// <summary>Writes the notices of published announcements (<see cref="AnnouncementDelivery"/>), a batch of members
/// per transaction (the job run after a publication, and every minute as a safety net). Each batch takes the
/// delivery's row lock, reads how far it got, tells the next members in id order and moves the mark, in one
/// transaction: a crash loses at most a batch that then runs again, and a concurrent run waits and carries on after
/// the mark, so every member is told exactly once. Returns how many batches it wrote.</summary>
public sealed record DeliverAnnouncementNoticesCommand(int BatchSize = 250) : ICommand<int>;

public sealed class DeliverAnnouncementNoticesCommandValidator : AbstractValidator<DeliverAnnouncementNoticesCommand>
{
    public DeliverAnnouncementNoticesCommandValidator() => RuleFor(c => c.BatchSize).InclusiveBetween(1, 5000);
}

public sealed class DeliverAnnouncementNoticesCommandHandler(INotificationsDb db, IMemberDirectory directory, NoticeSender notices, TimeProvider time)
    : ICommandHandler<DeliverAnnouncementNoticesCommand, int>
{
    public async ValueTask<int> Handle(DeliverAnnouncementNoticesCommand command, CancellationToken cancellationToken)
    {
        var pending = await db.AnnouncementDeliveries.AsNoTracking()
            .Where(d => d.CompletedAt == null)
            .OrderBy(d => d.PublishedAt)
            .Select(d => d.AnnouncementId)
            .ToListAsync(cancellationToken);
        var batches = 0;
        foreach (var announcementId in pending)
        {
            while (await db.InTransactionAsync(ct => DeliverBatchAsync(announcementId, command.BatchSize, ct), cancellationToken))
            {
                batches++;
                db.ChangeTracker.Clear();
            }

            db.ChangeTracker.Clear();
        }

        return batches;
    }

    /// <summary>One batch under the delivery's row lock; false when the delivery was already complete.</summary>
    private async Task<bool> DeliverBatchAsync(Guid announcementId, int batchSize, CancellationToken cancellationToken)
    {
        // The lock first (a no-op UPDATE), so the mark read next is the one the previous holder committed.
        await db.AnnouncementDeliveries.Where(d => d.AnnouncementId == announcementId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.AfterMemberId, d => d.AfterMemberId), cancellationToken);
        var delivery = await db.AnnouncementDeliveries.SingleOrDefaultAsync(d => d.AnnouncementId == announcementId, cancellationToken);
        if (delivery is null || delivery.CompletedAt is not null)
        {
            return false;
        }

        var members = directory.Cards.Where(c => !c.IsDeleted && c.Id != delivery.AuthorId);
        if (delivery.AfterMemberId is { } after)
        {
            members = members.Where(c => c.Id.CompareTo(after) > 0);
        }

        // Nor a member who already has this notice: a delivery begun before the members were given new ids (migration
        // RandomMemberIds, docs/adr/0058) starts again from the first id in the new order. The notice's time is the
        // publication's, so this is a seek in the notices' (MemberId, CreatedAt) index.
        var publishedAt = delivery.PublishedAt;
        members = members.Where(c => !db.Notifications.Any(n => n.MemberId == c.Id && n.CreatedAt == publishedAt && n.AnnouncementId == announcementId));

        var ids = await members.OrderBy(c => c.Id).Select(c => c.Id).Take(batchSize).ToListAsync(cancellationToken);
        var muted = await NotificationSettings.MutedInAppAsync(db, ids, NotificationKinds.Announcements, cancellationToken);
        foreach (var memberId in ids.Where(id => !muted.Contains(id)))
        {
            db.Notifications.Add(Notification.AboutAnnouncement(
                memberId,
                $"運営からのお知らせ「{delivery.Title}」が届きました。",
                $"New announcement from Salon: \"{delivery.Title}\".",
                delivery.AnnouncementId,
                delivery.PublishedAt));
        }

        if (ids.Count > 0)
        {
            await notices.EmailImmediatelyAsync(
                ids,
                new Notice(
                    NotificationKinds.Announcements,
                    new LocalizedText(delivery.Title, delivery.Title),
                    new LocalizedText("運営から新しいお知らせがあります。", "There is a new announcement from Salon."),
                    $"/announcements/{delivery.AnnouncementId}"),
                cancellationToken);
        }

        delivery.Delivered(ids.Count > 0 ? ids[^1] : null, last: ids.Count < batchSize, time.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
