using System.Security.Claims;
using System.Text.Encodings.Web;
using Hangfire;
using Hangfire.Dashboard;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Salon.Application.Members.Logout;
using Salon.Application.Members.StartDashboardSession;
using Salon.Domain.Common;
using Salon.Infrastructure.Identity;
using Salon.Web.Hosting;

namespace Salon.WebApi.Jobs;

/// <summary>The Hangfire dashboard at /hangfire, for admins only. A browser cannot send bearer tokens,
/// so admins sign in through a small form that sets a cookie of a scheme used nowhere else: short-lived,
/// HttpOnly, SameSite=Strict, Secure outside Development, scoped to /hangfire. Every request re-checks
/// the session behind the cookie (the same check as bearer tokens) and the admin role. Everyone else gets
/// 401/403 and no dashboard HTML; a bearer token alone is not enough (see docs/operations.md).</summary>
internal static class AdminDashboard
{
    public const string Path = "/hangfire";
    public const string Scheme = "SalonDashboard";
    public const string Policy = "dashboard-admin";
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static IServiceCollection AddAdminDashboard(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddAuthentication().AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "salon-dashboard";
            options.Cookie.Path = Path;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = StartDashboardSessionCommandHandler.Lifetime;
            options.SlidingExpiration = false;
            options.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = ValidateSessionAsync,
                OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden),
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(SalonClaims.Role, MemberRoleNames.Admin));
        services.AddAntiforgery(options =>
        {
            // Only a CSRF pairing token, not a credential: over plain HTTP (HTTPS redirection off) the form
            // still answers instead of failing; the sign-in cookie itself stays Secure. Path "/": the web
            // client's forms (src/Web) use the same antiforgery service.
            options.Cookie.Name = "salon-af";
            options.Cookie.Path = "/";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    public static void MapAdminDashboard(this IEndpointRouteBuilder endpoints)
    {
        var signIn = endpoints.MapGroup(Path).ExcludeFromDescription().AllowAnonymous();
        signIn.MapGet("/sign-in", (HttpContext context, IAntiforgery antiforgery) => SignInPage(context, antiforgery, null, StatusCodes.Status200OK));
        signIn.MapPost("/sign-in", SignInAsync).DisableAntiforgery().RequireRateLimiting(Common.RateLimits.SignIn);
        signIn.MapPost("/sign-out", SignOutAsync).DisableAntiforgery();

        // Hangfire's statistics, which its pages ask for with a POST, read the request's form whatever the method: a GET
        // (an address typed or prefetched) threw there, a 500. This literal route wins over the dashboard's catch-all.
        endpoints.MapGet(Path + "/stats", (HttpContext context) =>
            {
                context.Response.Headers.Allow = HttpMethods.Post;
                return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
            })
            .ExcludeFromDescription().RequireAuthorization(Policy);

        endpoints.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new AdminOnlyFilter()],
            DisplayStorageConnectionString = false,
            DashboardTitle = "Salon jobs",
            AppPath = null,
        }).RequireAuthorization(Policy);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, IMediator mediator)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsFormTokenValidAsync(context))
        {
            return SignInPage(context, antiforgery, "もう一度お試しください。", StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        DashboardSession session;
        try
        {
            session = await mediator.Send(new StartDashboardSessionCommand(form["email"].ToString(), form["password"].ToString()), context.RequestAborted);
        }
        catch (SalonException ex) when (ex.Kind is ErrorKind.Unauthenticated or ErrorKind.Forbidden or ErrorKind.Invalid)
        {
            // One answer for every failure (same status, same page): the form must not tell who is registered,
            // whose password was right, or who is an admin.
            return SignInPage(context, antiforgery, "管理者としてサインインできませんでした。", StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity(
            [new Claim(SalonClaims.MemberId, session.MemberId.ToString()), new Claim(SalonClaims.SessionId, session.SessionId.ToString())],
            Scheme,
            SalonClaims.MemberId,
            SalonClaims.Role);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties
        {
            IsPersistent = false,
            ExpiresUtc = DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc),
            AllowRefresh = false,
        });
        return Results.Redirect(Path, permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, IMediator mediator)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsFormTokenValidAsync(context))
        {
            return Results.BadRequest();
        }

        var result = await context.AuthenticateAsync(Scheme);
        if (result.Principal is { } principal
            && Guid.TryParse(principal.FindFirstValue(SalonClaims.MemberId), out var memberId)
            && Guid.TryParse(principal.FindFirstValue(SalonClaims.SessionId), out var sessionId))
        {
            await mediator.Send(new LogoutCommand(memberId, sessionId), context.RequestAborted);
        }

        await context.SignOutAsync(Scheme);
        return Results.Redirect(Path + "/sign-in");
    }

    /// <summary>Re-checks the session behind the cookie on every request, and takes the member's current
    /// roles: sign-out, suspension, deletion and role removal apply at once.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null
            || !Guid.TryParse(principal.FindFirstValue(SalonClaims.MemberId), out var memberId)
            || !Guid.TryParse(principal.FindFirstValue(SalonClaims.SessionId), out var sessionId))
        {
            context.RejectPrincipal();
            return;
        }

        var sessions = context.HttpContext.RequestServices.GetRequiredService<ActiveSessions>();
        var roles = await sessions.RolesIfActiveAsync(memberId, sessionId, context.HttpContext.RequestAborted);
        if (roles is null)
        {
            context.RejectPrincipal();
            return;
        }

        var claims = new List<Claim> { new(SalonClaims.MemberId, memberId.ToString()), new(SalonClaims.SessionId, sessionId.ToString()) };
        claims.AddRange(MemberRoleNames.ToNames(roles.Value).Select(r => new Claim(SalonClaims.Role, r)));
        context.ReplacePrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, SalonClaims.MemberId, SalonClaims.Role)));
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static IResult SignInPage(HttpContext context, IAntiforgery antiforgery, string? message, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        var error = message is null ? string.Empty : $"<p role=\"alert\">{html.Encode(message)}</p>";
        var page = $"""
            <!doctype html>
            <html lang="ja">
            <head><meta charset="utf-8"><title>サロン 管理者サインイン</title><meta name="robots" content="noindex"></head>
            <body>
            <h1>ジョブ管理画面（管理者）</h1>
            {error}
            <form method="post" action="{Path}/sign-in">
            <input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(tokens.RequestToken ?? string.Empty)}">
            <p><label>メールアドレス <input type="email" name="email" autocomplete="username" required></label></p>
            <p><label>パスワード <input type="password" name="password" autocomplete="current-password" required></label></p>
            <p><button type="submit">サインイン</button></p>
            </form>
            </body>
            </html>
            """;
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(page, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>Hangfire's own gate, behind the endpoint policy: the caller must be an admin signed in with
    /// the dashboard cookie (the policy made the cookie principal the request's user).</summary>
    private sealed class AdminOnlyFilter : IDashboardAsyncAuthorizationFilter
    {
        public Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            var allowed = user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == Scheme)
                && user.HasClaim(SalonClaims.Role, MemberRoleNames.Admin);
            return Task.FromResult(allowed);
        }
    }
}
