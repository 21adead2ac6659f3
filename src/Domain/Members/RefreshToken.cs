namespace Salon.Domain.Members;

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
