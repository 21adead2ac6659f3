using Salon.Domain.Notifications;

namespace Salon.Application.Notifications;

public enum EmailDeliveryOutcome
{
    Delivered,

    /// <summary>Try again later (connection refused, 4xx).</summary>
    TransientFailure,

    /// <summary>The address will never accept it (5xx on the recipient).</summary>
    PermanentFailure,
}

/// <summary>Reason is short and address-free (e.g. "smtp 550").</summary>
public sealed record EmailDeliveryResult(EmailDeliveryOutcome Outcome, string? Reason = null);

/// <summary>Delivers one outbox e-mail: SMTP when configured, else an .eml file under data/mail.</summary>
public interface IEmailTransport
{
    Task<EmailDeliveryResult> DeliverAsync(OutboxEmail email, CancellationToken cancellationToken);
}
