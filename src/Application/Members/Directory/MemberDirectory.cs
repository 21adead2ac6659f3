using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.Directory;

/// <summary>The views project to plain records, so they are never tracked; they carry no AsNoTracking,
/// which EF Core would otherwise apply to the whole query they are composed into.</summary>
public sealed class MemberDirectory(IMembersDb db, TimeProvider time) : IMemberDirectory
{
    public IQueryable<MemberCard> Cards => db.Members.Select(m => new MemberCard
    {
        Id = m.Id,
        Nickname = m.Nickname,
        FamilyPositions = m.FamilyPositions,
        IsOfficial = (m.Roles & MemberRoles.Official) != 0,
        IsDeleted = m.Status == MemberStatus.Deleted,
    });

    public IQueryable<BlockPair> Blocks => db.MemberBlocks.Select(b => new BlockPair { BlockerId = b.BlockerId, BlockedId = b.BlockedId });

    public async Task<PosterStanding?> GetStandingAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var member = await db.Members.AsNoTracking()
            .Where(m => m.Id == memberId)
            .Select(m => new { m.FamilyPositions, m.Status, m.SuspendedUntil, m.CreatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null || member.Status == MemberStatus.Deleted)
        {
            return null;
        }

        var suspended = member.Status == MemberStatus.Suspended && (member.SuspendedUntil is null || member.SuspendedUntil > now);
        return new PosterStanding(memberId, member.FamilyPositions, !suspended, suspended ? member.SuspendedUntil : null, member.CreatedAt);
    }

    public Task<bool> LockAsync(Guid memberId, CancellationToken cancellationToken) => MemberRowLock.AcquireAsync(db, memberId, cancellationToken);
}
