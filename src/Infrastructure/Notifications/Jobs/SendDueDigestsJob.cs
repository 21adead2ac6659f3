using Mediator;
using Microsoft.Extensions.Logging;
using Salon.Application.Notifications.SendDueDigests;

namespace Salon.Infrastructure.Notifications.Jobs;

/// <summary>Thin: every 30 minutes, sends the due digests command and logs its counts.</summary>
public sealed class SendDueDigestsJob(IMediator mediator, ILogger<SendDueDigestsJob> logger)
{
    public const string RecurringId = "send-due-digests";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new SendDueDigestsCommand(), cancellationToken);
        logger.LogInformation("Digest run: {Sent} digests queued, {Empty} members with nothing new", result.Sent, result.Empty);
    }
}
