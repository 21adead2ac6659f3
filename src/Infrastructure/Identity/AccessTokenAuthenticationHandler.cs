using Salon.Domain.Common;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salon.Application.Common.Time;
using Salon.Domain.Members;
using Salon.Infrastructure.Persistence;

namespace Salon.Infrastructure.Identity;

/// <summary>Authenticates <c>Authorization: Bearer</c> access tokens. Besides the token's seal and expiry
/// it checks, with one indexed lookup, that the token's session is still open and the member may still
/// sign in (not deleted, not suspended), and takes the member's current roles. So logout, refresh-token
/// theft, deletion, suspension and role changes take effect on the very next request.</summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokenFormat format,
    ActiveSessions sessions,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var ticket = format.Format.Unprotect(header["Bearer ".Length..].Trim());
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= time.GetUtcNow())
        {
            return AuthenticateResult.Fail("The access token is not valid or has expired.");
        }

        if (!Guid.TryParse(ticket.Principal.FindFirstValue(SalonClaims.MemberId), out var memberId)
            || !Guid.TryParse(ticket.Principal.FindFirstValue(SalonClaims.SessionId), out var sessionId))
        {
            return AuthenticateResult.Fail("The access token is malformed.");
        }

        if (await sessions.RolesIfActiveAsync(memberId, sessionId, Context.RequestAborted) is not { } roles)
        {
            return AuthenticateResult.Fail("The session has ended.");
        }

        var claims = new List<Claim>
        {
            new(SalonClaims.MemberId, memberId.ToString()),
            new(SalonClaims.SessionId, sessionId.ToString()),
        };
        claims.AddRange(MemberRoleNames.ToNames(roles).Select(r => new Claim(SalonClaims.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SalonClaims.Scheme, SalonClaims.MemberId, SalonClaims.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ticket.Properties, SalonClaims.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
