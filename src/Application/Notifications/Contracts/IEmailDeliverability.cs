namespace Salon.Application.Notifications.Contracts;

/// <summary>Whether mail to an address has bounced permanently (so Salon has stopped sending to it). The
/// mark is kept per address: changing to a new address clears it for the member.</summary>
public interface IEmailDeliverability
{
    Task<bool> IsUndeliverableAsync(string address, CancellationToken cancellationToken);
}
