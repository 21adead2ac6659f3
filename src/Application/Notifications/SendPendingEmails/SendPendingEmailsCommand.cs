using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.SendPendingEmails;

/// <summary>Delivers due outbox e-mail. State-driven and safe to run concurrently: each row is claimed
/// with a conditional update before it is sent, and its outcome is recorded right after.</summary>
public sealed record SendPendingEmailsCommand(int BatchSize = 50) : ICommand<SendPendingEmailsResult>;

public sealed class SendPendingEmailsCommandValidator : AbstractValidator<SendPendingEmailsCommand>
{
    public SendPendingEmailsCommandValidator() => RuleFor(c => c.BatchSize).InclusiveBetween(1, 1000);
}

public sealed class SendPendingEmailsCommandHandler(INotificationsDb db, IEmailTransport transport, TimeProvider time)
    : ICommandHandler<SendPendingEmailsCommand, SendPendingEmailsResult>
{
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    public async ValueTask<SendPendingEmailsResult> Handle(SendPendingEmailsCommand command, CancellationToken cancellationToken)
    {
        int sent = 0, retrying = 0, failed = 0, suppressed = 0;
        var now = time.UtcNow();
        var due = await db.OutboxEmails
            .Where(e => e.Status == OutboxEmailStatus.Pending && e.NextAttemptAt <= now && (e.LockedUntil == null || e.LockedUntil < now))
            .OrderBy(e => e.NextAttemptAt)
            .Select(e => e.Id)
            .Take(command.BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var id in due)
        {
            now = time.UtcNow();
            var claimUntil = now + ClaimDuration;
            var claimed = await db.OutboxEmails
                .Where(e => e.Id == id && e.Status == OutboxEmailStatus.Pending && (e.LockedUntil == null || e.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntil, claimUntil), cancellationToken);
            if (claimed == 0)
            {
                continue; // another sender has it
            }

            var email = await db.OutboxEmails.SingleAsync(e => e.Id == id, cancellationToken);
            var normalized = UndeliverableAddress.Normalize(email.ToAddress);
            if (await db.UndeliverableAddresses.AnyAsync(u => u.NormalizedAddress == normalized, cancellationToken))
            {
                email.MarkSuppressed();
                suppressed++;
            }
            else
            {
                var result = await transport.DeliverAsync(email, cancellationToken);
                switch (result.Outcome)
                {
                    case EmailDeliveryOutcome.Delivered:
                        email.MarkSent(time.UtcNow());
                        sent++;
                        break;
                    case EmailDeliveryOutcome.PermanentFailure:
                        email.MarkPermanentFailure(result.Reason ?? "permanent");
                        db.UndeliverableAddresses.Add(UndeliverableAddress.Mark(email.ToAddress, result.Reason ?? "permanent", time.UtcNow()));
                        failed++;
                        break;
                    default:
                        email.MarkTransientFailure(result.Reason ?? "transient", time.UtcNow());
                        if (email.Status == OutboxEmailStatus.Failed)
                        {
                            failed++;
                        }
                        else
                        {
                            retrying++;
                        }

                        break;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new SendPendingEmailsResult(sent, retrying, failed, suppressed);
    }
}
