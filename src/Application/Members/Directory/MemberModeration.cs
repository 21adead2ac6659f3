using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Application.Members.Sessions;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.Directory;

public sealed class MemberModeration(IMembersDb db) : IMemberModeration
{
    public async Task<SuspendOutcome> SuspendAsync(Guid memberId, DateTime? until, string reason, bool byAdmin, DateTime now, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == memberId && m.Status != MemberStatus.Deleted, cancellationToken);
        if (member is null)
        {
            return SuspendOutcome.NotFound;
        }

        if (member.Roles != MemberRoles.None && !byAdmin)
        {
            return SuspendOutcome.StaffNeedsAdmin;
        }

        if ((member.Roles & MemberRoles.Admin) != 0
            && !await db.Members.AnyAsync(m => m.Id != memberId && m.Status == MemberStatus.Active && (m.Roles & MemberRoles.Admin) != 0, cancellationToken))
        {
            return SuspendOutcome.LastAdmin;
        }

        member.Suspend(until, reason, now);
        await SessionRevocation.RevokeAllAsync(db, memberId, "suspended", now, cancellationToken);
        return SuspendOutcome.Suspended;
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
