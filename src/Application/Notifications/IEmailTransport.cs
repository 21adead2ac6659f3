using Salon.Domain.Notifications;

namespace Salon.Application.Notifications;

/// <summary>Delivers one outbox e-mail: SMTP when configured, else an .eml file under data/mail.</summary>
public interface IEmailTransport
{
    Task<EmailDeliveryResult> DeliverAsync(OutboxEmail email, CancellationToken cancellationToken);
}
