using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Common.Security;
using Salon.Application.Common.Time;
using Salon.Domain.Members;

namespace Salon.Application.Members.Sessions;

/// <summary>Starts sessions and rotates their refresh tokens. Refresh tokens are random and stored
/// only as a SHA-256 hash.</summary>
public sealed class SessionTokens(IMembersDb db, IAccessTokenIssuer issuer, TimeProvider time, IOptions<SalonOptions> options)
{
    public static string Hash(string refreshToken) => TokenHash.Of(refreshToken);

    /// <summary>Stages a new session for the member and returns its first tokens.</summary>
    public TokenResponse StartSession(Guid memberId)
    {
        var now = time.UtcNow();
        var session = MemberSession.Start(memberId, now, options.Value.SessionLifetime);
        db.MemberSessions.Add(session);
        return IssueFor(session, now);
    }

    /// <summary>Stages a fresh refresh token for an existing session and returns the tokens.</summary>
    public TokenResponse IssueFor(MemberSession session, DateTime now)
    {
        var refresh = TokenHash.NewSecret();
        var refreshExpiry = Min(now + options.Value.RefreshTokenLifetime, session.ExpiresAt);
        db.RefreshTokens.Add(RefreshToken.Issue(session.Id, Hash(refresh), now, refreshExpiry));
        var access = issuer.Issue(session.MemberId, session.Id);
        return new TokenResponse("Bearer", access.Token, access.ExpiresInSeconds, refresh);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
