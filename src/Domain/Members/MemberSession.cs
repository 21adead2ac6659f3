namespace Salon.Domain.Members;

/// <summary>One signed-in device. Access tokens carry the session id, so revoking the session
/// signs that device out at once. Its refresh tokens rotate; presenting a used one again means
/// it was stolen, and the whole session is revoked.</summary>
public sealed class MemberSession
{
    private MemberSession()
    {
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime LastRefreshedAt { get; private set; }

    /// <summary>Absolute end: after this the member signs in again.</summary>
    public DateTime ExpiresAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public string? RevokedReason { get; private set; }

    public static MemberSession Start(Guid memberId, DateTime now, TimeSpan lifetime) => new()
    {
        Id = Guid.CreateVersion7(),
        MemberId = memberId,
        CreatedAt = now,
        LastRefreshedAt = now,
        ExpiresAt = now + lifetime,
    };

    public bool IsActiveAt(DateTime now) => RevokedAt is null && ExpiresAt > now;

    public void Refreshed(DateTime now) => LastRefreshedAt = now;

    public void Revoke(string reason, DateTime now)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        RevokedReason = reason;
    }
}
