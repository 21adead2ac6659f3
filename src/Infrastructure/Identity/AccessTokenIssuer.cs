using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Salon.Application.Common;
using Salon.Application.Members;

namespace Salon.Infrastructure.Identity;

/// <summary>Opaque bearer tokens that carry only the member and session ids; roles and standing are
/// read fresh on each request by <see cref="AccessTokenAuthenticationHandler"/>.</summary>
public sealed class AccessTokenIssuer(AccessTokenFormat format, TimeProvider time, IOptions<SalonOptions> options)
    : IAccessTokenIssuer
{
    public AccessToken Issue(Guid memberId, Guid sessionId)
    {
        var identity = new ClaimsIdentity(
            [new Claim(SalonClaims.MemberId, memberId.ToString()), new Claim(SalonClaims.SessionId, sessionId.ToString())],
            SalonClaims.Scheme);
        var now = time.GetUtcNow();
        var lifetime = options.Value.AccessTokenLifetime;
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + lifetime };
        var token = format.Format.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, SalonClaims.Scheme));
        return new AccessToken(token, (int)lifetime.TotalSeconds);
    }
}
