using Salon.Domain.Common;
using System.Security.Claims;
using Salon.Infrastructure.Identity;

namespace Salon.WebApi.Common;

/// <summary>The signed-in caller, as the authentication handler established it (session checked, roles
/// fresh). Endpoints pass its id into messages; Application code never reads the HTTP context.</summary>
internal sealed class HttpCurrentMember(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public Guid? Id => User?.Identity?.IsAuthenticated == true && Guid.TryParse(User.FindFirstValue(SalonClaims.MemberId), out var id) ? id : null;

    public Guid? SessionId => User?.Identity?.IsAuthenticated == true && Guid.TryParse(User.FindFirstValue(SalonClaims.SessionId), out var id) ? id : null;

    public MemberRoles Roles => User is null
        ? MemberRoles.None
        : MemberRoleNames.Parse(User.FindAll(SalonClaims.Role).Select(c => c.Value).Where(MemberRoleNames.IsAssignable));

    public bool IsInRole(MemberRoles role) => (Roles & role) == role;

    /// <summary>Moderators (and admins) may edit and delete others' posts.</summary>
    public bool IsModerator => (Roles & (MemberRoles.Moderator | MemberRoles.Admin)) != 0;

    /// <summary>Officials (and admins) run meetings and announcements, and see what only organisers see.</summary>
    public bool IsOfficial => (Roles & (MemberRoles.Official | MemberRoles.Admin)) != 0;

    /// <summary>The caller's id; endpoints that require authorisation always have one.</summary>
    public Guid RequiredId => Id ?? throw new InvalidOperationException("The endpoint must require authorisation.");
}
