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
    /// not-found page. So does one whose path matched but not its method: the router answers it with an endpoint of its
    /// own (405 with <c>Allow</c>), which declares nothing, and a visitor got 401 where a member got 405. The routes are
    /// public (the OpenAPI document lists them all), so the 405 tells a visitor nothing; the routes themselves keep
    /// their own authorisation.</summary>
    internal sealed class SignedInUnlessUnmatched : AuthorizationHandler<SignedInUnlessUnmatched>, IAuthorizationRequirement
    {
        /// <summary>The display name of the router's 405 endpoint (ASP.NET Core's <c>HttpMethodMatcherPolicy</c>), a
        /// plain endpoint without metadata. Were it renamed, that endpoint would be closed again (401), not opened.</summary>
        private const string MethodNotSupported = "405 HTTP Method Not Supported";

        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SignedInUnlessUnmatched requirement)
        {
            var unmatched = context.Resource is HttpContext http && (http.GetEndpoint() is not { } endpoint || IsMethodNotSupported(endpoint));
            if (unmatched || context.User.Identity?.IsAuthenticated == true)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }

        private static bool IsMethodNotSupported(Endpoint endpoint) =>
            endpoint is not RouteEndpoint && endpoint.Metadata.Count == 0 && endpoint.DisplayName == MethodNotSupported;
    }
}
