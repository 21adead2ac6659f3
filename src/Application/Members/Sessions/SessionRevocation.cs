using Microsoft.EntityFrameworkCore;

namespace Salon.Application.Members.Sessions;

internal static class SessionRevocation
{
    /// <summary>Stages revocation of every active session of a member, except <paramref name="keep"/>.</summary>
    public static async Task RevokeAllAsync(IMembersDb db, Guid memberId, string reason, DateTime now, CancellationToken cancellationToken, Guid? keep = null)
    {
        var sessions = await db.MemberSessions
            .Where(s => s.MemberId == memberId && s.RevokedAt == null && (keep == null || s.Id != keep))
            .ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            session.Revoke(reason, now);
        }
    }
}
