using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.GetMe;

/// <summary>GET /api/me.</summary>
public sealed record GetMeQuery(Guid MemberId) : IQuery<MeDto>;

public sealed class GetMeQueryHandler(IMembersDb db, IIdentityService identity) : IQueryHandler<GetMeQuery, MeDto>
{
    public async ValueTask<MeDto> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == query.MemberId && m.Status != MemberStatus.Deleted, cancellationToken)
            ?? throw SalonException.NotFound();
        var account = await identity.GetAccountAsync(query.MemberId, cancellationToken) ?? throw SalonException.NotFound();
        return MembersMapper.ToMe(member) with { Email = account.Email, EmailConfirmed = account.EmailConfirmed };
    }
}
