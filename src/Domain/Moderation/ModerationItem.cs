using Salon.Domain.Common;

namespace Salon.Domain.Moderation;

/// <summary>Something a moderator should look at. Priority items (crisis, worry about a member) come first.</summary>
public sealed class ModerationItem : Entity
{
    private ModerationItem()
    {
    }

    public ModerationItemKind Kind { get; private set; }

    public bool IsPriority { get; private set; }

    public Guid? PostId { get; private set; }

    public PostKind? PostKind { get; private set; }

    public Guid? TopicId { get; private set; }

    /// <summary>The member the item is about (the post's author, or the member someone is worried about).</summary>
    public Guid? SubjectMemberId { get; private set; }

    public ModerationItemStatus Status { get; private set; }

    /// <summary>How much of <see cref="Detail"/> is kept (the column's length).</summary>
    public const int MaxDetailLength = 1000;

    /// <summary>What raised it: the matched crisis terms, a watched word, report reasons. Never post text.</summary>
    public string? Detail { get; private set; }

    public int ReportCount { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public Guid? ResolvedBy { get; private set; }

    public ModerationAction? Resolution { get; private set; }

    public string? ResolutionNote { get; private set; }

    public static ModerationItem Open(
        ModerationItemKind kind,
        Guid? postId,
        PostKind? postKind,
        Guid? topicId,
        Guid? subjectMemberId,
        string? detail,
        DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        IsPriority = kind is ModerationItemKind.Crisis or ModerationItemKind.WorriedAboutMember,
        PostId = postId,
        PostKind = postKind,
        TopicId = topicId,
        SubjectMemberId = subjectMemberId,
        Status = ModerationItemStatus.Open,
        Detail = Shortened(detail),
        CreatedAt = now,
    };

    public void CountReport(bool priority)
    {
        ReportCount++;
        IsPriority |= priority;
    }

    public void Resolve(ModerationAction action, Guid moderatorId, string? note, DateTime now)
    {
        if (Status == ModerationItemStatus.Resolved)
        {
            throw ModerationErrors.ItemResolved.Error();
        }

        Status = ModerationItemStatus.Resolved;
        Resolution = action;
        ResolvedBy = moderatorId;
        ResolutionNote = note;
        ResolvedAt = now;
    }

    /// <summary>Asks for the caring notice (crisis lines) to reach the member someone is worried about.</summary>
    public void RaiseCaringNotice(Guid memberId, DateTime now) => Raise(new Events.CaringNoticeDue(memberId, now));

    /// <summary>Tells the author, through a notice, that a moderator warned them about a post.</summary>
    public void RaiseWarning(Guid memberId, Guid postId, string? note, DateTime now) => Raise(new Events.MemberWarned(memberId, postId, note, now));

    /// <summary>Tells the post's author that it is hidden pending review, and why.</summary>
    public void RaisePostHidden(Guid authorId, Guid postId, Guid topicId, bool byModerator, DateTime now) => Raise(new Events.PostHiddenForReview(authorId, postId, topicId, byModerator, now));

    /// <summary>Tells the post's author that it is visible again.</summary>
    public void RaisePostRestored(Guid authorId, Guid postId, Guid topicId, DateTime now) => Raise(new Events.PostRestored(authorId, postId, topicId, now));

    /// <summary>Closed by the system (the post is gone, the topic got a reply).</summary>
    public void Close(string reason, DateTime now)
    {
        if (Status == ModerationItemStatus.Resolved)
        {
            return;
        }

        Status = ModerationItemStatus.Resolved;
        Resolution = ModerationAction.Dismiss;
        ResolutionNote = reason;
        ResolvedAt = now;
    }

    /// <summary>A post can trip more watched words than the detail holds: it names those that fit and ends with "…",
    /// never splitting a character in two.</summary>
    private static string? Shortened(string? detail)
    {
        if (detail is null || detail.Length <= MaxDetailLength)
        {
            return detail;
        }

        var end = MaxDetailLength - 1;
        if (char.IsHighSurrogate(detail[end - 1]))
        {
            end--;
        }

        return string.Concat(detail.AsSpan(0, end), "…");
    }
}
