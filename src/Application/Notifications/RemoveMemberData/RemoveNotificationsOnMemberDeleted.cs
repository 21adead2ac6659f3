using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Events;
using Salon.Application.Members.Contracts;
using Salon.Domain.Members.Events;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.RemoveMemberData;

/// <summary>The Notifications module's part of an account deletion: every notice, and every e-mail to the
/// member still in the outbox (pending mail is not sent to an account that no longer exists), and the record that
/// their address bounced, which holds the address (the credentials' removal is only staged until the commit, so the
/// address is still there to read whichever module handles the deletion first).</summary>
public sealed class RemoveNotificationsOnMemberDeleted(INotificationsDb db, IMemberContacts contacts) : IDomainEventHandler<MemberDeleted>
{
    public async Task HandleAsync(MemberDeleted domainEvent, CancellationToken cancellationToken)
    {
        if ((await contacts.ConfirmedEmailsAsync([domainEvent.MemberId], cancellationToken)).Values.SingleOrDefault() is { } address)
        {
            var normalized = UndeliverableAddress.Normalize(address);
            await db.UndeliverableAddresses.Where(u => u.NormalizedAddress == normalized).ExecuteDeleteAsync(cancellationToken);
        }

        await db.Notifications.Where(n => n.MemberId == domainEvent.MemberId).ExecuteDeleteAsync(cancellationToken);
        await db.OutboxEmails.Where(e => e.MemberId == domainEvent.MemberId).ExecuteDeleteAsync(cancellationToken);
        await db.NotificationPreferences.Where(p => p.MemberId == domainEvent.MemberId).ExecuteDeleteAsync(cancellationToken);
        await db.DigestPreferences.Where(p => p.MemberId == domainEvent.MemberId).ExecuteDeleteAsync(cancellationToken);
        await db.UnsubscribeTokens.Where(t => t.MemberId == domainEvent.MemberId).ExecuteDeleteAsync(cancellationToken);
        await db.DigestRuns.Where(r => r.MemberId == domainEvent.MemberId).ExecuteDeleteAsync(cancellationToken);
    }
}
