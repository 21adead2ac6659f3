namespace Salon.Domain.Notifications;

public enum EmailDelivery
{
    Immediate = 0,
    Digest = 1,
    Off = 2,
}

public enum DigestFrequency
{
    Off = 0,
    Daily = 1,
    Weekly = 2,
}

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

/// <summary>When a member's digest goes out: off, daily or weekly (the default), at an hour in Japan time.</summary>
public sealed class DigestPreference(Guid memberId, DigestFrequency frequency, int hourJst)
{
    public const int DefaultHourJst = 20;

    public Guid MemberId { get; private set; } = memberId;

    public DigestFrequency Frequency { get; private set; } = frequency;

    public int HourJst { get; private set; } = hourJst;

    public void Change(DigestFrequency frequency, int hourJst)
    {
        Frequency = frequency;
        HourJst = hourJst;
    }
}
