using Microsoft.EntityFrameworkCore;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications;

/// <summary>The Notifications module's persistence port.</summary>
public interface INotificationsDb
{
    DbSet<OutboxEmail> OutboxEmails { get; }

    DbSet<UndeliverableAddress> UndeliverableAddresses { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<NotificationPreference> NotificationPreferences { get; }

    DbSet<DigestPreference> DigestPreferences { get; }

    DbSet<UnsubscribeToken> UnsubscribeTokens { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
