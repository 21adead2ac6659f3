using Salon.Application.Common.Security;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.Email;

/// <summary>Makes the one-click unsubscribe link of one e-mail. Only hashes are stored.</summary>
internal static class UnsubscribeLinks
{
    public static string Hash(string value) => TokenHash.Of(value);

    public static string AddressHash(string address) => Hash(address.Trim().ToUpperInvariant());

    /// <summary>Stages the token and returns the URL to put in List-Unsubscribe and in the body.</summary>
    public static string Create(INotificationsDb db, Guid memberId, string kind, string address, string publicBaseUrl, DateTime now)
    {
        var (token, url) = Issue(memberId, kind, address, publicBaseUrl, now);
        db.UnsubscribeTokens.Add(token);
        return url;
    }

    /// <summary>The token to store and the URL, without staging anything.</summary>
    public static (UnsubscribeToken Token, string Url) Issue(Guid memberId, string kind, string address, string publicBaseUrl, DateTime now)
    {
        var token = TokenHash.NewSecret();
        return (UnsubscribeToken.Issue(memberId, Hash(token), kind, AddressHash(address), now), $"{publicBaseUrl.TrimEnd('/')}/api/unsubscribe?token={token}");
    }
}
