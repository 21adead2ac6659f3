using Microsoft.AspNetCore.Authorization;
using Salon.Domain.Common;

namespace Salon.WebApi.Common;

/// <summary>Authorisation policies by role. Roles are read fresh from the database on each request.</summary>
internal static class Policies
{
    public const string Moderator = "moderator";
    public const string Official = "official";
    public const string Admin = "admin";

    public static IServiceCollection AddSalonAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, SignedInUnlessUnmatched>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Moderator, p => p.RequireRole(MemberRoleNames.Moderator, MemberRoleNames.Admin))
            .AddPolicy(Official, p => p.RequireRole(MemberRoleNames.Official, MemberRoleNames.Admin))
            .AddPolicy(Admin, p => p.RequireRole(MemberRoleNames.Admin))

            // Every endpoint states its authorisation (RequireAuthorization or AllowAnonymous; EndpointDeclarationTests
            // checks it). One that forgets is closed, not open: it needs a signed-in member.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new SignedInUnlessUnmatched()).Build());
        return services;
    }

    /// <summary>The fallback requirement: a signed-in member for an endpoint that declared nothing. A request that
    /// matched no endpoint passes, so an unknown path still answers 404 (not 401), and the web client still shows its
    /// not-found page.</summary>
    internal sealed class SignedInUnlessUnmatched : AuthorizationHandler<SignedInUnlessUnmatched>, IAuthorizationRequirement
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SignedInUnlessUnmatched requirement)
        {
            var unmatched = context.Resource is HttpContext http && http.GetEndpoint() is null;
            if (unmatched || context.User.Identity?.IsAuthenticated == true)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
