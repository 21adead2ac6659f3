namespace Salon.Application.Notifications.ListNotifications;

public sealed record NotificationDto(Guid Id, string Kind, string Message, Guid? TopicId, Guid? PostId, Guid? MeetingId, Guid? AnnouncementId, DateTime CreatedAt, bool Read, bool Available);
