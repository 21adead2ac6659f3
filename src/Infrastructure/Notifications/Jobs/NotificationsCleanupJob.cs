using Mediator;
using Microsoft.Extensions.Logging;
using Salon.Application.Notifications.CleanUpNotifications;

namespace Salon.Infrastructure.Notifications.Jobs;

/// <summary>Thin: sends the notifications clean-up and logs its counts.</summary>
public sealed class NotificationsCleanupJob(IMediator mediator, ILogger<NotificationsCleanupJob> logger)
{
    public const string RecurringId = "cleanup-notifications";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new CleanUpNotificationsCommand(), cancellationToken);
        logger.LogInformation("Notifications clean-up: {Read} read notifications, {Emails} finished e-mails removed", result.ReadNotifications, result.FinishedEmails);
    }
}
