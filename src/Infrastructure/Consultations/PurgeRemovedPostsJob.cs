using Hangfire;
using Mediator;
using Microsoft.Extensions.Logging;
using Salon.Application.Consultations.PurgeRemovedPosts;
using Salon.Infrastructure.Jobs;

namespace Salon.Infrastructure.Consultations;

/// <summary>Thin: sends the purge and logs how many posts it erased.</summary>
public sealed class PurgeRemovedPostsJob(IMediator mediator, ILogger<PurgeRemovedPostsJob> logger)
{
    public const string RecurringId = "cleanup-removed-posts";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var purged = await mediator.Send(new PurgeRemovedPostsCommand(), cancellationToken);
        logger.LogInformation("Removed-posts clean-up: {Count} posts erased", purged);
    }
}

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
