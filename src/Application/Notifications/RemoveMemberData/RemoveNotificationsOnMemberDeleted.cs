using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Events;
using Salon.Domain.Members.Events;

namespace Salon.Application.Notifications.RemoveMemberData;

/// <summary>The Notifications module's part of an account deletion: every notice, and every e-mail to the
/// member still in the outbox (pending mail is not sent to an account that no longer exists).</summary>
public sealed class RemoveNotificationsOnMemberDeleted(INotificationsDb db) : IDomainEventHandler<MemberDeleted>
{
    public async Task HandleAsync(MemberDeleted domainEvent, CancellationToken cancellationToken)
    {
        await db.Notifications.Where(n => n.MemberId == domainEvent.MemberId).ExecuteDeleteAsync(cancellationToken);
        await db.OutboxEmails.Where(e => e.MemberId == domainEvent.MemberId).ExecuteDeleteAsync(cancellationToken);
        await db.NotificationPreferences.Where(p => p.MemberId == domainEvent.MemberId).ExecuteDeleteAsync(cancellationToken);
        await db.DigestPreferences.Where(p => p.MemberId == domainEvent.MemberId).ExecuteDeleteAsync(cancellationToken);
        await db.UnsubscribeTokens.Where(t => t.MemberId == domainEvent.MemberId).ExecuteDeleteAsync(cancellationToken);
        await db.DigestRuns.Where(r => r.MemberId == domainEvent.MemberId).ExecuteDeleteAsync(cancellationToken);
    }
}
