namespace Salon.Application.Notifications.Contracts;

/// <summary>What an in-app notice points at.</summary>
public sealed record NoticeSubject(Guid? TopicId, Guid? PostId, Guid? MeetingId, Guid? AnnouncementId);
