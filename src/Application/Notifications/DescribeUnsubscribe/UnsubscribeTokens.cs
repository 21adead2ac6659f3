using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Application.Notifications.Email;
using Salon.Domain.Common;

namespace Salon.Application.Notifications.DescribeUnsubscribe;

internal static class UnsubscribeTokens
{
    /// <summary>The token if it exists and the member still has the address it was sent to; 404 otherwise.</summary>
    public static async Task<Domain.Notifications.UnsubscribeToken> FindValidAsync(INotificationsDb db, IMemberContacts contacts, string token, CancellationToken cancellationToken)
    {
        var hash = UnsubscribeLinks.Hash(token);
        var found = await db.UnsubscribeTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (found is not null)
        {
            var addresses = await contacts.ConfirmedEmailsAsync([found.MemberId], cancellationToken);
            if (addresses.TryGetValue(found.MemberId, out var address) && UnsubscribeLinks.AddressHash(address) == found.AddressHash)
            {
                return found;
            }
        }

        throw SalonException.NotFound(new LocalizedText("このリンクは使えません。設定画面から配信を変更してください。", "This link no longer works. Change your e-mail settings after signing in."));
    }
}
