using Hangfire;
using Salon.Infrastructure.Jobs;

namespace Salon.Infrastructure.Announcements.Jobs;

public sealed class AnnouncementsRecurringJobs : IRecurringJobRegistrar
{
    public void Register(IRecurringJobManager recurringJobs) =>
        recurringJobs.AddOrUpdate<PublishAnnouncementsJob>(
            PublishAnnouncementsJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Minutely(),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
}
