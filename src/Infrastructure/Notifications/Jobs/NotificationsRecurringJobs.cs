using Hangfire;
using Microsoft.Extensions.Options;
using Salon.Infrastructure.Jobs;

namespace Salon.Infrastructure.Notifications.Jobs;

/// <summary>The Notifications module's recurring jobs: the outbox safety-net run, the announcement notices' safety net (every minute), the digests every 30 minutes
/// and the daily clean-up.</summary>
public sealed class NotificationsRecurringJobs(IOptions<JobsOptions> options) : IRecurringJobRegistrar
{
    public void Register(IRecurringJobManager recurringJobs)
    {
        recurringJobs.AddOrUpdate<SendOutboxEmailJob>(
            SendOutboxEmailJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            options.Value.OutboxCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<DeliverAnnouncementNoticesJob>(
            DeliverAnnouncementNoticesJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "* * * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<SendDueDigestsJob>(
            SendDueDigestsJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "*/30 * * * *",
            new RecurringJobOptions { TimeZone = RecurringJobsRegistration.Tokyo });
        recurringJobs.AddOrUpdate<NotificationsCleanupJob>(
            NotificationsCleanupJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "0 3 * * *",
            new RecurringJobOptions { TimeZone = RecurringJobsRegistration.Tokyo });
    }
}
