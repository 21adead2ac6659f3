namespace Salon.Domain.Common;

/// <summary>Roles beyond plain membership. Every signed-in account is a member.</summary>
[Flags]
public enum MemberRoles
{
    None = 0,
    Moderator = 1,
    Official = 2,
    Admin = 4,
}
