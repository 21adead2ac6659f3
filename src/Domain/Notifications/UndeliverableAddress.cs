namespace Salon.Domain.Notifications;

/// <summary>An address that bounced permanently. Mail to it is suppressed until the member changes it. Kept only
/// while an account or a pending sign-up holds the address: removed with the account that held it, and by the daily
/// clean-up once no one does (after a change of address, an expired sign-up).</summary>
public sealed class UndeliverableAddress
{
    private UndeliverableAddress()
    {
        NormalizedAddress = string.Empty;
        Reason = string.Empty;
    }

    public string NormalizedAddress { get; private set; }

    public DateTime MarkedAt { get; private set; }

    public string Reason { get; private set; }

    public static string Normalize(string address) => address.Trim().ToUpperInvariant();

    public static UndeliverableAddress Mark(string address, string reason, DateTime now) => new()
    {
        NormalizedAddress = Normalize(address),
        Reason = reason,
        MarkedAt = now,
    };
}
