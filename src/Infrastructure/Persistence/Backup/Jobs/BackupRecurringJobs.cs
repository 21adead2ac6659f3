using Hangfire;
using Microsoft.Extensions.Options;
using Salon.Infrastructure.Jobs;

namespace Salon.Infrastructure.Persistence.Backup.Jobs;

/// <summary>Registers the nightly backup at 04:00 Japan time (after the 03:00 clean-ups) when
/// <c>Backup:Directory</c> is set, and removes it from the schedule otherwise.</summary>
public sealed class BackupRecurringJobs(IOptions<BackupOptions> options) : IRecurringJobRegistrar
{
    public void Register(IRecurringJobManager recurringJobs)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Directory))
        {
            recurringJobs.RemoveIfExists(NightlyBackupJob.RecurringId);
            return;
        }

        recurringJobs.AddOrUpdate<NightlyBackupJob>(
            NightlyBackupJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "0 4 * * *",
            new RecurringJobOptions { TimeZone = RecurringJobsRegistration.Tokyo });
    }
}
