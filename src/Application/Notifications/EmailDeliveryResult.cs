
namespace Salon.Application.Notifications;

/// <summary>Reason is short and address-free (e.g. "smtp 550").</summary>
public sealed record EmailDeliveryResult(EmailDeliveryOutcome Outcome, string? Reason = null);
