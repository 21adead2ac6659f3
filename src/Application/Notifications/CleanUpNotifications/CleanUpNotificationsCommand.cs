using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Time;
using Salon.Application.Members.Contracts;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.CleanUpNotifications;

/// <summary>Daily: removes read notifications and finished outbox e-mail (sent, failed, suppressed) older
/// than their retention, and the records of bounced addresses that no account or pending sign-up holds any more.
/// Pending mail is never touched. Idempotent.</summary>
public sealed record CleanUpNotificationsCommand : ICommand<CleanUpNotificationsResult>;

public sealed class CleanUpNotificationsCommandValidator : AbstractValidator<CleanUpNotificationsCommand>;

public sealed class CleanUpNotificationsCommandHandler(INotificationsDb db, IMemberContacts contacts, IOptions<RetentionOptions> retention, TimeProvider time)
    : ICommandHandler<CleanUpNotificationsCommand, CleanUpNotificationsResult>
{
    public async ValueTask<CleanUpNotificationsResult> Handle(CleanUpNotificationsCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var readBefore = now - retention.Value.ReadNotifications;
        var notifications = await db.Notifications.Where(n => n.ReadAt != null && n.ReadAt < readBefore).ExecuteDeleteAsync(cancellationToken);
        var emailBefore = now - retention.Value.FinishedEmail;
        var emails = await db.OutboxEmails
            .Where(e => e.Status != OutboxEmailStatus.Pending && e.CreatedAt < emailBefore)
            .ExecuteDeleteAsync(cancellationToken);
        // An unsubscribe link lives as long as the mail it came in is kept.
        await db.UnsubscribeTokens.Where(t => t.CreatedAt < emailBefore).ExecuteDeleteAsync(cancellationToken);
        // Digest runs matter only for the current period and the 30-day look-back.
        var runsBefore = now - DigestSchedule.LookBack - DigestSchedule.LookBack;
        var runs = await db.DigestRuns.Where(r => r.AttemptedAt < runsBefore).ExecuteDeleteAsync(cancellationToken);
        var held = contacts.HeldAddresses(now);
        var bounced = await db.UndeliverableAddresses.Where(u => !held.Contains(u.NormalizedAddress)).ExecuteDeleteAsync(cancellationToken);
        SalonMetrics.RecordCleanup("undeliverable-addresses", bounced);
        SalonMetrics.RecordCleanup("digest-runs", runs);
        SalonMetrics.RecordCleanup("read-notifications", notifications);
        SalonMetrics.RecordCleanup("finished-emails", emails);
        return new CleanUpNotificationsResult(notifications, emails);
    }
}
