using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.Contracts;

/// <summary>The kinds of notification a member can tune, with the defaults a new member gets:
/// replies to my topics by e-mail at once, everything else in the digest.</summary>
public static class NotificationKinds
{
    public const string ReplyToMyTopic = "reply_to_my_topic";
    public const string ReplyInFollowedTopic = "reply_in_followed_topic";
    public const string Reactions = "reactions";
    public const string Meetings = "meetings";
    public const string Announcements = "announcements";
    public const string Moderation = "moderation";

    public static IReadOnlyList<(string Kind, bool InApp, EmailDelivery Email)> Defaults { get; } =
    [
        (ReplyToMyTopic, true, EmailDelivery.Immediate),
        (ReplyInFollowedTopic, true, EmailDelivery.Digest),
        (Reactions, true, EmailDelivery.Digest),
        (Meetings, true, EmailDelivery.Digest),
        (Announcements, true, EmailDelivery.Digest),
        (Moderation, true, EmailDelivery.Digest),
    ];

    public static bool IsKnown(string? kind) => Defaults.Any(d => d.Kind == kind);
}
