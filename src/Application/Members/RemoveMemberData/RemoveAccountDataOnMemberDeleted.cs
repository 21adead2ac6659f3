using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Events;
using Salon.Application.Members.Sessions;
using Salon.Domain.Members.Events;

namespace Salon.Application.Members.RemoveMemberData;

/// <summary>The Members module's part of a deletion: sign out everywhere, forget blocks both ways,
/// and remove the credentials (e-mail, password hash). The member row stays as a tombstone so
/// content kept under 「退会したメンバー」 still has an author to point at.</summary>
public sealed class RemoveAccountDataOnMemberDeleted(IMembersDb db, IIdentityService identity)
    : IDomainEventHandler<MemberDeleted>
{
    public async Task HandleAsync(MemberDeleted domainEvent, CancellationToken cancellationToken)
    {
        await SessionRevocation.RevokeAllAsync(db, domainEvent.MemberId, "account-deleted", domainEvent.OccurredAt, cancellationToken);
        var blocks = await db.MemberBlocks
            .Where(b => b.BlockerId == domainEvent.MemberId || b.BlockedId == domainEvent.MemberId)
            .ToListAsync(cancellationToken);
        db.MemberBlocks.RemoveRange(blocks);
        await identity.DeleteAsync(domainEvent.MemberId, cancellationToken);
    }
}
