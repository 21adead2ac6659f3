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
    SalonDbContext db,
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

        var now = time.UtcNow();
        if (await sessions.FindActiveAsync(memberId, sessionId, Context.RequestAborted) is not { } member)
        {
            return AuthenticateResult.Fail("The session has ended.");
        }

        await TouchLastSeenAsync(memberId, member.LastSeenAt, now);

        var claims = new List<Claim>
        {
            new(SalonClaims.MemberId, memberId.ToString()),
            new(SalonClaims.SessionId, sessionId.ToString()),
        };
        claims.AddRange(MemberRoleNames.ToNames(member.Roles).Select(r => new Claim(SalonClaims.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SalonClaims.Scheme, SalonClaims.MemberId, SalonClaims.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ticket.Properties, SalonClaims.Scheme));
    }

    /// <summary>Throttled: one conditional UPDATE at most every <see cref="Member.LastSeenPrecision"/> per member;
    /// the condition keeps concurrent requests from writing it twice.</summary>
    private async Task TouchLastSeenAsync(Guid memberId, DateTime? lastSeenAt, DateTime now)
    {
        var stale = now - Member.LastSeenPrecision;
        if (lastSeenAt is { } seen && seen > stale)
        {
            return;
        }

        await db.Members
            .Where(m => m.Id == memberId && (m.LastSeenAt == null || m.LastSeenAt <= stale))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastSeenAt, now), Context.RequestAborted);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
