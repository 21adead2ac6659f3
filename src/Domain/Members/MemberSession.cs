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

/// <summary>A refresh token, stored only as its SHA-256 hash. Used at most once.</summary>
public sealed class RefreshToken
{
    private RefreshToken()
    {
        TokenHash = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public string TokenHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? UsedAt { get; private set; }

    public static RefreshToken Issue(Guid sessionId, string tokenHash, DateTime now, DateTime expiresAt) => new()
    {
        Id = Guid.CreateVersion7(),
        SessionId = sessionId,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = expiresAt,
    };
}
