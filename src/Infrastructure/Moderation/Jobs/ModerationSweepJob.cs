using Mediator;
using Microsoft.Extensions.Logging;
using Salon.Application.Moderation.RunModerationSweep;

namespace Salon.Infrastructure.Moderation.Jobs;

/// <summary>Thin: sends the sweep command and logs its counts (no personal data).</summary>
public sealed class ModerationSweepJob(IMediator mediator, ILogger<ModerationSweepJob> logger)
{
    public const string RecurringId = "moderation-sweep";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new RunModerationSweepCommand(), cancellationToken);
        logger.LogInformation(
            "Moderation sweep: {Opened} needs-reply opened, {Answered} answered, {Lifted} suspensions lifted, {Gone} items closed for gone posts",
            result.NeedsReplyOpened,
            result.NeedsReplyClosed,
            result.SuspensionsLifted,
            result.ItemsClosedForGonePosts);
    }
}
