using Salon.Domain.Common;

namespace Salon.Infrastructure.Identity;

/// <summary>What a request needs from an open session: who, which session, the roles, and until when it
/// may be trusted without reading the database.</summary>
public sealed class CachedSession(Guid memberId, Guid sessionId, MemberRoles roles, DateTime? lastSeenAt, DateTimeOffset tokenExpires, DateTime trustedUntil)
{
    private long _lastSeenTicks = lastSeenAt?.Ticks ?? 0;

    public Guid MemberId { get; } = memberId;

    public Guid SessionId { get; } = sessionId;

    public MemberRoles Roles { get; } = roles;

    public DateTimeOffset TokenExpires { get; } = tokenExpires;

    public DateTime TrustedUntil { get; } = trustedUntil;

    /// <summary>As last read or written by this instance (the throttled last-seen update).</summary>
    public DateTime? LastSeenAt
    {
        get => Interlocked.Read(ref _lastSeenTicks) is var ticks and > 0 ? new DateTime(ticks, DateTimeKind.Utc) : null;
        set => Interlocked.Exchange(ref _lastSeenTicks, value?.Ticks ?? 0);
    }
}
