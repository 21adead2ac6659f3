using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Common.Security;

/// <summary>The signed-in caller, as established by authentication (session checked, roles fresh).</summary>
public interface ICurrentMember
{
    Guid? Id { get; }

    Guid? SessionId { get; }

    MemberRoles Roles { get; }

    bool IsAuthenticated => Id is not null;

    bool IsInRole(MemberRoles role) => (Roles & role) == role;
}
