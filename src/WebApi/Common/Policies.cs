using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.WebApi.Common;

/// <summary>Authorisation policies by role. Roles are read fresh from the database on each request.</summary>
internal static class Policies
{
    public const string Moderator = "moderator";
    public const string Official = "official";
    public const string Admin = "admin";

    public static IServiceCollection AddSalonAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Moderator, p => p.RequireRole(MemberRoleNames.Moderator, MemberRoleNames.Admin))
            .AddPolicy(Official, p => p.RequireRole(MemberRoleNames.Official, MemberRoleNames.Admin))
            .AddPolicy(Admin, p => p.RequireRole(MemberRoleNames.Admin));
        return services;
    }
}
