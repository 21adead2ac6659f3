using Mediator;
using Microsoft.Extensions.Logging;
using Salon.Application.Announcements.PublishDueAnnouncements;

namespace Salon.Infrastructure.Announcements.Jobs;

/// <summary>Thin: publishes announcements whose time has come.</summary>
public sealed class PublishAnnouncementsJob(IMediator mediator, ILogger<PublishAnnouncementsJob> logger)
{
    public const string RecurringId = "announcements-publish";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var published = await mediator.Send(new PublishDueAnnouncementsCommand(), cancellationToken);
        if (published > 0)
        {
            logger.LogInformation("Announcements: {Count} published", published);
        }
    }
}
