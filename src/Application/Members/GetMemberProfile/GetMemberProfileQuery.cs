using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.GetMemberProfile;

/// <summary>GET /api/members/{id}: nickname, positions, bio, the month joined. Never the e-mail.</summary>
public sealed record GetMemberProfileQuery(Guid Id) : IQuery<PublicProfileDto>;

public sealed class GetMemberProfileQueryHandler(IMembersDb db) : IQueryHandler<GetMemberProfileQuery, PublicProfileDto>
{
    public async ValueTask<PublicProfileDto> Handle(GetMemberProfileQuery query, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == query.Id && m.Status != MemberStatus.Deleted, cancellationToken)
            ?? throw SalonException.NotFound();
        return MembersMapper.ToPublicProfile(member);
    }
}
