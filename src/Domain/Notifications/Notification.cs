namespace Salon.Domain.Notifications;

/// <summary>An in-app notification. The text is written when it is created, in both languages; it never
/// names an anonymous author or whoever reported someone.</summary>
public sealed class Notification
{
    private Notification()
    {
        Kind = string.Empty;
        MessageJa = string.Empty;
        MessageEn = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    /// <summary>E.g. <c>caring_notice</c>, <c>moderation_warned</c>.</summary>
    public string Kind { get; private set; }

    public string MessageJa { get; private set; }

    public string MessageEn { get; private set; }

    public Guid? TopicId { get; private set; }

    public Guid? PostId { get; private set; }

    /// <summary>The meeting a meeting notice is about.</summary>
    public Guid? MeetingId { get; private set; }

    /// <summary>The announcement an announcement notice is about.</summary>
    public Guid? AnnouncementId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    /// <summary>Set on notices that gather many events into one (e.g. reactions to one post on one day):
    /// a later event updates the notice with this key instead of adding another.</summary>
    public string? GroupKey { get; private set; }

    public static Notification Create(Guid memberId, string kind, string messageJa, string messageEn, Guid? topicId, Guid? postId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        MemberId = memberId,
        Kind = kind,
        MessageJa = messageJa,
        MessageEn = messageEn,
        TopicId = topicId,
        PostId = postId,
        CreatedAt = now,
    };

    /// <summary>A meeting notice; <paramref name="kind"/> is e.g. <c>meeting_promoted</c> (the setting that governs
    /// it is the <c>meetings</c> kind).</summary>
    public static Notification AboutMeeting(Guid memberId, string kind, string messageJa, string messageEn, Guid meetingId, DateTime now)
    {
        var notification = Create(memberId, kind, messageJa, messageEn, null, null, now);
        notification.MeetingId = meetingId;
        return notification;
    }

    public static Notification AboutAnnouncement(Guid memberId, string messageJa, string messageEn, Guid announcementId, DateTime now)
    {
        var notification = Create(memberId, "announcement_published", messageJa, messageEn, null, null, now);
        notification.AnnouncementId = announcementId;
        return notification;
    }

    public static Notification CreateGrouped(Guid memberId, string kind, string groupKey, string messageJa, string messageEn, Guid? topicId, Guid? postId, DateTime now)
    {
        var notification = Create(memberId, kind, messageJa, messageEn, topicId, postId, now);
        notification.GroupKey = groupKey;
        return notification;
    }

    /// <summary>A grouped notice gained another event: new text, moved to the top, unread again.</summary>
    public void Regroup(string messageJa, string messageEn, DateTime now)
    {
        MessageJa = messageJa;
        MessageEn = messageEn;
        CreatedAt = now;
        ReadAt = null;
    }
}
