using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Salon.Application.Common.Persistence;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications;

/// <summary>The Notifications module's persistence port.</summary>
public interface INotificationsDb : IDatabaseTransactions, IDatabaseErrors
{
    DbSet<OutboxEmail> OutboxEmails { get; }

    DbSet<UndeliverableAddress> UndeliverableAddresses { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<NotificationPreference> NotificationPreferences { get; }

    DbSet<DigestPreference> DigestPreferences { get; }

    DbSet<UnsubscribeToken> UnsubscribeTokens { get; }

    DbSet<DigestRun> DigestRuns { get; }

    DbSet<AnnouncementDelivery> AnnouncementDeliveries { get; }

    /// <summary>Batch jobs clear it between batches to keep memory bounded.</summary>
    ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
