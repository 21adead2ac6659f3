using Mediator;
using Salon.Application.Notifications.DeliverAnnouncementNotices;

namespace Salon.Infrastructure.Notifications.Jobs;

/// <summary>Thin: enqueued after a commit that published an announcement, and run every minute as the safety net
/// (a crash or a failed enqueue); it sends one command, which delivers in batches and is safe to run twice at once.</summary>
public sealed class DeliverAnnouncementNoticesJob(IMediator mediator)
{
    public const string RecurringId = "deliver-announcement-notices";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new DeliverAnnouncementNoticesCommand(), cancellationToken);
}
