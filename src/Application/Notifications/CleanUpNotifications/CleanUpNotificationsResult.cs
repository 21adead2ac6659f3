namespace Salon.Application.Notifications.CleanUpNotifications;

public sealed record CleanUpNotificationsResult(int ReadNotifications, int FinishedEmails);
