using Salon.Domain.Common;

namespace Salon.Application.Notifications;

/// <summary>One notice to some members. <paramref name="InApp"/> is the in-app text (it may name a topic,
/// never an anonymous author or whoever reported someone). <paramref name="Email"/> is the e-mail text and
/// must be neutral: what kind of thing happened, never post text, titles, board names or anyone's name
/// (someone else in the household may read it). <paramref name="LinkPath"/> is where the e-mail points,
/// relative to the public base URL (e.g. <c>/meetings/{id}</c>). <paramref name="Kind"/> is one of
/// <see cref="Contracts.NotificationKinds"/>: it decides which of the member's switches apply.</summary>
public sealed record Notice(string Kind, LocalizedText InApp, LocalizedText Email, string LinkPath, Guid? TopicId = null, Guid? PostId = null)
{
    /// <summary>The meeting the notice is about, shown as <c>meetingId</c>.</summary>
    public Guid? MeetingId { get; init; }

    /// <summary>The outbox kind of the e-mail (for metrics and retention), e.g. <c>notice-meetings</c>.</summary>
    public string EmailKind { get; init; } = "notice-" + Kind;

    /// <summary>The in-app notice's own kind when it is finer than the settings kind (e.g.
    /// <c>moderation_hidden</c> under <see cref="Contracts.NotificationKinds.Moderation"/>).</summary>
    public string InAppKind { get; init; } = Kind;

    /// <summary>For notices the member must see whatever their in-app switch (decisions about their own posts).</summary>
    public bool AlwaysInApp { get; init; }

    /// <summary>The actor acted anonymously (an anonymous reply): then members who blocked the actor are told like
    /// everyone else, because whether a notice comes must not depend on who wrote an anonymous post (ADR 0016).</summary>
    public bool ActorAnonymous { get; init; }
}
