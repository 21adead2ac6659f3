using Mediator;
using Microsoft.Extensions.Logging;
using Salon.Application.Consultations.PurgeRemovedPosts;

namespace Salon.Infrastructure.Consultations.Jobs;

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
