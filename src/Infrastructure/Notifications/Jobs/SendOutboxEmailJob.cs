using Mediator;
using Salon.Application.Notifications.SendPendingEmails;

namespace Salon.Infrastructure.Notifications.Jobs;

/// <summary>Thin: Hangfire activates it in its own scope; it sends one command.</summary>
public sealed class SendOutboxEmailJob(IMediator mediator)
{
    public const string RecurringId = "send-outbox-email";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new SendPendingEmailsCommand(), cancellationToken);
}
