namespace Salon.Application.Members;

/// <summary>Issues bearer access tokens bound to a session. Authentication checks the session on
/// every request, so revoking it ends the token at once.</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(Guid memberId, Guid sessionId);
}
