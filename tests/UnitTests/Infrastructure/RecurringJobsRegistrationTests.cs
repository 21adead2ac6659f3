using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using Salon.Infrastructure.Announcements.Jobs;
using Salon.Infrastructure.Consultations.Jobs;
using Salon.Infrastructure.Jobs;
using Salon.Infrastructure.Meetings.Jobs;
using Salon.Infrastructure.Members.Jobs;
using Salon.Infrastructure.Moderation.Jobs;
using Salon.Infrastructure.Notifications.Jobs;

namespace Salon.UnitTests.Infrastructure;

public sealed class RecurringJobsRegistrationTests
{
    [Fact]
    public async Task Every_modules_recurring_jobs_are_registered_once_under_stable_ids_with_their_schedules()
    {
        using var storage = new InMemoryStorage();
        var manager = new RecurringJobManager(storage);
        var registration = new RecurringJobsRegistration(manager,
        [
            new NotificationsRecurringJobs(Options.Create(new JobsOptions())),
            new ModerationRecurringJobs(),
            new MembersRecurringJobs(),
            new ConsultationsRecurringJobs(),
            new MeetingsRecurringJobs(),
            new AnnouncementsRecurringJobs(),
        ]);

        await registration.StartAsync(CancellationToken.None);
        await registration.StartAsync(CancellationToken.None);

        using var connection = storage.GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        Assert.Equal(9, jobs.Count);
        Assert.Equal("*/5 * * * *", jobs[MeetingRemindersJob.RecurringId].Cron);
        Assert.Equal(typeof(MeetingRemindersJob), jobs[MeetingRemindersJob.RecurringId].Job.Type);
        Assert.Equal("* * * * *", jobs[PublishAnnouncementsJob.RecurringId].Cron);
        Assert.Equal("* * * * *", jobs[SendOutboxEmailJob.RecurringId].Cron);
        Assert.Equal(typeof(SendOutboxEmailJob), jobs[SendOutboxEmailJob.RecurringId].Job.Type);
        Assert.Equal("* * * * *", jobs[DeliverAnnouncementNoticesJob.RecurringId].Cron);
        Assert.Equal(typeof(DeliverAnnouncementNoticesJob), jobs[DeliverAnnouncementNoticesJob.RecurringId].Job.Type);
        Assert.Equal("*/15 * * * *", jobs[ModerationSweepJob.RecurringId].Cron);
        Assert.Equal("*/30 * * * *", jobs[SendDueDigestsJob.RecurringId].Cron);
        Assert.Equal(typeof(SendDueDigestsJob), jobs[SendDueDigestsJob.RecurringId].Job.Type);
        foreach (var daily in new[] { MembersCleanupJob.RecurringId, PurgeRemovedPostsJob.RecurringId, NotificationsCleanupJob.RecurringId })
        {
            Assert.Equal("0 3 * * *", jobs[daily].Cron);
            Assert.Equal("Asia/Tokyo", jobs[daily].TimeZoneId);
        }
    }
}
