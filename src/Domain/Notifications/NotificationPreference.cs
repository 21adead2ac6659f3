namespace Salon.Domain.Notifications;

/// <summary>A member's choice for one kind; absent rows mean the defaults.</summary>
public sealed class NotificationPreference(Guid memberId, string kind, bool inApp, EmailDelivery email)
{
    public Guid MemberId { get; private set; } = memberId;

    public string Kind { get; private set; } = kind;

    public bool InApp { get; private set; } = inApp;

    public EmailDelivery Email { get; private set; } = email;

    public void Change(bool inApp, EmailDelivery email)
    {
        InApp = inApp;
        Email = email;
    }
}
