using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using Salon.Infrastructure.Jobs;
using Salon.Infrastructure.Notifications;

namespace Salon.UnitTests.Infrastructure;

public sealed class RecurringJobsRegistrationTests
{
    [Fact]
    public async Task The_outbox_job_is_registered_once_under_a_stable_id_and_calls_the_outbox_command()
    {
        using var storage = new InMemoryStorage();
        var manager = new RecurringJobManager(storage);
        var registration = new RecurringJobsRegistration(manager, [new NotificationsRecurringJobs(Options.Create(new JobsOptions()))]);

        await registration.StartAsync(CancellationToken.None);
        await registration.StartAsync(CancellationToken.None);

        using var connection = storage.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs());
        Assert.Equal(SendOutboxEmailJob.RecurringId, job.Id);
        Assert.Equal(typeof(SendOutboxEmailJob), job.Job.Type);
        Assert.Equal("* * * * *", job.Cron);
    }
}
