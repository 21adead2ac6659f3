using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Salon.Infrastructure.Jobs;

/// <summary>Registers recurring jobs at start-up under stable ids, through <see cref="IRecurringJobManager"/>.
/// Jobs with a local-time schedule use <c>Asia/Tokyo</c>.</summary>
public sealed class RecurringJobsRegistration(IRecurringJobManager recurringJobs, IOptions<JobsOptions> options) : IHostedService
{
    public static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<SendOutboxEmailJob>(
            SendOutboxEmailJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            options.Value.OutboxCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
