namespace Salon.Application.Notifications.ListNotifications;

public sealed record NotificationPage(IReadOnlyList<NotificationDto> Items, string? NextCursor, int UnreadCount);
