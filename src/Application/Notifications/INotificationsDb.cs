using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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

    DbSet<DigestRun> DigestRuns { get; }

    /// <summary>Batch jobs clear it between batches to keep memory bounded.</summary>
    ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
