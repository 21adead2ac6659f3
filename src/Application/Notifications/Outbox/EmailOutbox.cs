using Salon.Application.Common.Time;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.Outbox;

public sealed class EmailOutbox(INotificationsDb db, TimeProvider time) : IEmailOutbox
{
    public void Enqueue(EmailMessage message) => db.OutboxEmails.Add(OutboxEmail.Create(
        message.Kind,
        message.MemberId,
        message.ToAddress,
        message.Subject,
        message.TextBody,
        message.HtmlBody,
        message.UnsubscribeUrl,
        time.UtcNow()));
}
