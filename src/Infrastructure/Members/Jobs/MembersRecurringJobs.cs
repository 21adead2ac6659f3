using Hangfire;
using Salon.Infrastructure.Jobs;

namespace Salon.Infrastructure.Members.Jobs;

/// <summary>The Members module's recurring jobs: the clean-up at 03:00 Japan time.</summary>
public sealed class MembersRecurringJobs : IRecurringJobRegistrar
{
    public void Register(IRecurringJobManager recurringJobs) =>
        recurringJobs.AddOrUpdate<MembersCleanupJob>(
            MembersCleanupJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "0 3 * * *",
            new RecurringJobOptions { TimeZone = RecurringJobsRegistration.Tokyo });
}
