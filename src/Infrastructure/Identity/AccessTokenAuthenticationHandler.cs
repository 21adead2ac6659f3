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
/// sign in (not deleted, not suspended), and takes the member's current roles. What it found is kept in
/// <see cref="SessionCache"/> for a few seconds (ADR 0024): logout, refresh-token theft, deletion,
/// suspension and role changes take effect on the very next request on the instance that made them, and
/// within <see cref="Application.Common.SalonOptions.SessionCacheDuration"/> on other instances.</summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokenFormat format,
    ActiveSessions sessions,
    SessionCache cache,
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

        var token = header.AsSpan("Bearer ".Length).Trim().ToString();
        var now = time.UtcNow();
        var session = cache.Find(token, now) ?? await ReadSessionAsync(token, now);
        if (session is null)
        {
            return AuthenticateResult.Fail("The access token is not valid, has expired, or its session has ended.");
        }

        await TouchLastSeenAsync(session, now);

        var claims = new List<Claim>(4)
        {
            new(SalonClaims.MemberId, session.MemberId.ToString()),
            new(SalonClaims.SessionId, session.SessionId.ToString()),
        };
        claims.AddRange(MemberRoleNames.ToNames(session.Roles).Select(r => new Claim(SalonClaims.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SalonClaims.Scheme, SalonClaims.MemberId, SalonClaims.Role));
        var properties = new AuthenticationProperties { ExpiresUtc = session.TokenExpires };
        return AuthenticateResult.Success(new AuthenticationTicket(principal, properties, SalonClaims.Scheme));
    }

    /// <summary>The token's seal and expiry, then one indexed lookup: the session is open and the member may
    /// sign in. What it finds is cached for a few seconds (ADR 0024); a refusal is not.</summary>
    private async Task<CachedSession?> ReadSessionAsync(string token, DateTime now)
    {
        var ticket = format.Format.Unprotect(token);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= time.GetUtcNow()
            || !Guid.TryParse(ticket.Principal.FindFirstValue(SalonClaims.MemberId), out var memberId)
            || !Guid.TryParse(ticket.Principal.FindFirstValue(SalonClaims.SessionId), out var sessionId))
        {
            return null;
        }

        var epoch = cache.Epoch;
        if (await sessions.FindActiveAsync(memberId, sessionId, Context.RequestAborted) is not { } member)
        {
            return null;
        }

        var trustedUntil = Min(Min(now + cache.Duration, member.SessionExpiresAt), expires.UtcDateTime);
        var session = new CachedSession(memberId, sessionId, member.Roles, member.LastSeenAt, expires, trustedUntil);
        cache.Store(token, session, epoch);
        return session;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>Throttled: one conditional UPDATE at most every <see cref="Member.LastSeenPrecision"/> per member;
    /// the condition keeps concurrent requests from writing it twice.</summary>
    private async Task TouchLastSeenAsync(CachedSession session, DateTime now)
    {
        var stale = now - Member.LastSeenPrecision;
        if (session.LastSeenAt is { } seen && seen > stale)
        {
            return;
        }

        session.LastSeenAt = now;
        var memberId = session.MemberId;
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
