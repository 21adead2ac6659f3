using Hangfire;
using Salon.Infrastructure.Jobs;

namespace Salon.Infrastructure.Meetings.Jobs;

/// <summary>Every 5 minutes, so the 1-hour reminder comes between 55 and 60 minutes before the start.</summary>
public sealed class MeetingsRecurringJobs : IRecurringJobRegistrar
{
    public void Register(IRecurringJobManager recurringJobs) =>
        recurringJobs.AddOrUpdate<MeetingRemindersJob>(
            MeetingRemindersJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "*/5 * * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
}
