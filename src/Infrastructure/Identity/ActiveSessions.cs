using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Domain.Common;
using Salon.Domain.Members;
using Salon.Infrastructure.Persistence;

namespace Salon.Infrastructure.Identity;

/// <summary>The one check every credential passes on every request (bearer access tokens and the admin
/// dashboard cookie): the session is still open and the member may still sign in (not deleted, not
/// suspended). Returns the member's current roles, so role changes apply at once. One indexed lookup.</summary>
public sealed class ActiveSessions(SalonDbContext db, TimeProvider time)
{
    public async Task<MemberRoles?> RolesIfActiveAsync(Guid memberId, Guid sessionId, CancellationToken cancellationToken) =>
        (await FindActiveAsync(memberId, sessionId, cancellationToken))?.Roles;

    /// <summary>The member's roles and when they were last seen, or null when the session has ended.</summary>
    public async Task<ActiveMember?> FindActiveAsync(Guid memberId, Guid sessionId, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var member = await db.MemberSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.MemberId == memberId && s.RevokedAt == null && s.ExpiresAt > now)
            .Join(db.Members, s => s.MemberId, m => m.Id, (s, m) => new { m.Status, m.SuspendedUntil, m.Roles, m.LastSeenAt, s.ExpiresAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null
            || member.Status == MemberStatus.Deleted
            || (member.Status == MemberStatus.Suspended && (member.SuspendedUntil is null || member.SuspendedUntil > now)))
        {
            return null;
        }

        return new ActiveMember(member.Roles, member.LastSeenAt, member.ExpiresAt);
    }
}
