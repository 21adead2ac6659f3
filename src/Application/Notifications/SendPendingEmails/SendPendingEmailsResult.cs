namespace Salon.Application.Notifications.SendPendingEmails;

public sealed record SendPendingEmailsResult(int Sent, int Retrying, int Failed, int Suppressed);
