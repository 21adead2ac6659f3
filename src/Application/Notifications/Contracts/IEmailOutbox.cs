namespace Salon.Application.Notifications.Contracts;

/// <summary>Queues e-mail in the caller's unit of work: the mail is written to the outbox by the same
/// SaveChanges that commits the change causing it, and a background job delivers it.</summary>
public interface IEmailOutbox
{
    void Enqueue(EmailMessage message);
}
