using Hangfire;
using Salon.Infrastructure.Jobs;

namespace Salon.Infrastructure.Moderation.Jobs;

/// <summary>The Moderation module's recurring jobs.</summary>
public sealed class ModerationRecurringJobs : IRecurringJobRegistrar
{
    public void Register(IRecurringJobManager recurringJobs) =>
        recurringJobs.AddOrUpdate<ModerationSweepJob>(
            ModerationSweepJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "*/15 * * * *",
            new RecurringJobOptions { TimeZone = RecurringJobsRegistration.Tokyo });
}
