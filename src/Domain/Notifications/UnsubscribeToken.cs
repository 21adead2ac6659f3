namespace Salon.Domain.Notifications;

/// <summary>A one-click unsubscribe link's token (RFC 8058), stored only as a SHA-256 hash. It turns off
/// e-mail of one kind for one member, needs no sign-in, and stops working once the member's address changes
/// (it remembers a hash of the address it was sent to).</summary>
public sealed class UnsubscribeToken
{
    private UnsubscribeToken()
    {
        TokenHash = string.Empty;
        Kind = string.Empty;
        AddressHash = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    public string TokenHash { get; private set; }

    /// <summary>A notification kind, or <c>digest</c>.</summary>
    public string Kind { get; private set; }

    public string AddressHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static UnsubscribeToken Issue(Guid memberId, string tokenHash, string kind, string addressHash, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        MemberId = memberId,
        TokenHash = tokenHash,
        Kind = kind,
        AddressHash = addressHash,
        CreatedAt = now,
    };
}
