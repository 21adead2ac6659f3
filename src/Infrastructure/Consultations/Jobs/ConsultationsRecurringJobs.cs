using Hangfire;
using Salon.Infrastructure.Jobs;

namespace Salon.Infrastructure.Consultations.Jobs;

/// <summary>The Consultations module's recurring jobs: the purge at 03:00 Japan time.</summary>
public sealed class ConsultationsRecurringJobs : IRecurringJobRegistrar
{
    public void Register(IRecurringJobManager recurringJobs) =>
        recurringJobs.AddOrUpdate<PurgeRemovedPostsJob>(
            PurgeRemovedPostsJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "0 3 * * *",
            new RecurringJobOptions { TimeZone = RecurringJobsRegistration.Tokyo });
}
