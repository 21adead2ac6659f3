namespace Salon.Domain.Notifications;

public enum OutboxEmailStatus
{
    Pending = 0,
    Sent = 1,

    /// <summary>Gave up: permanent failure, or too many transient ones.</summary>
    Failed = 2,

    /// <summary>Not sent because the address is known to be undeliverable.</summary>
    Suppressed = 3,
}
