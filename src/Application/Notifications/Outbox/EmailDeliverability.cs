using Microsoft.EntityFrameworkCore;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.Outbox;

public sealed class EmailDeliverability(INotificationsDb db) : IEmailDeliverability
{
    public Task<bool> IsUndeliverableAsync(string address, CancellationToken cancellationToken)
    {
        var normalized = UndeliverableAddress.Normalize(address);
        return db.UndeliverableAddresses.AsNoTracking().AnyAsync(u => u.NormalizedAddress == normalized, cancellationToken);
    }
}
