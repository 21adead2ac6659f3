using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Application.Members.Sessions;
using Salon.Domain.Members;

namespace Salon.Application.Members.Directory;

public sealed class MemberModeration(IMembersDb db) : IMemberModeration
{
    public async Task<bool> SuspendAsync(Guid memberId, DateTime? until, string reason, DateTime now, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == memberId && m.Status != MemberStatus.Deleted, cancellationToken);
        if (member is null)
        {
            return false;
        }

        member.Suspend(until, reason, now);
        await SessionRevocation.RevokeAllAsync(db, memberId, "suspended", now, cancellationToken);
        return true;
    }

    public async Task<bool> UnsuspendAsync(Guid memberId, DateTime now, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == memberId && m.Status != MemberStatus.Deleted, cancellationToken);
        if (member is null)
        {
            return false;
        }

        member.Unsuspend(now);
        return true;
    }

    public async Task<int> LiftExpiredSuspensionsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var expired = await db.Members
            .Where(m => m.Status == MemberStatus.Suspended && m.SuspendedUntil != null && m.SuspendedUntil <= now)
            .ToListAsync(cancellationToken);
        expired.ForEach(m => m.Unsuspend(now));
        return expired.Count;
    }
}
