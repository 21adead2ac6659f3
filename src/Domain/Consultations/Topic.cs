using Salon.Domain.Common;
using Salon.Domain.Consultations.Events;

namespace Salon.Domain.Consultations;

/// <summary>A consultation (相談): what a family member could not say elsewhere.</summary>
public sealed class Topic : Entity
{
    private readonly List<TopicTag> _tags = [];

    private Topic()
    {
        Title = string.Empty;
        Body = string.Empty;
    }

    public Guid BoardId { get; private set; }

    public Guid AuthorId { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    /// <summary>Shown as 「匿名さん」; the author id never reaches other members.</summary>
    public bool IsAnonymous { get; private set; }

    /// <summary>False for ひとりごと: others may react but not reply.</summary>
    public bool RepliesWelcome { get; private set; }

    /// <summary>E.g. 自傷の話題: clients collapse the body behind it.</summary>
    public string? ContentWarning { get; private set; }

    public bool IsClosed { get; private set; }

    public PostVisibility Visibility { get; private set; }

    /// <summary>The author left and chose to keep their posts: shown under 「退会したメンバー」.</summary>
    public bool AuthorDeparted { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? EditedAt { get; private set; }

    public DateTime? DeletedAt { get; private set; }

    /// <summary>The newest of its creation and its visible replies; lists are ordered by it.</summary>
    public DateTime LastActivityAt { get; private set; }

    public int ReplyCount { get; private set; }

    /// <summary>Replies by anyone but the author; zero means the consultation is still unanswered.</summary>
    public int OthersReplyCount { get; private set; }

    public int RelateCount { get; private set; }

    public int ThanksCount { get; private set; }

    public int SupportCount { get; private set; }

    public IReadOnlyList<TopicTag> Tags => _tags;

    public bool IsDeleted => DeletedAt is not null;

    public static Topic Create(
        Guid boardId,
        Guid authorId,
        string title,
        string body,
        IEnumerable<Guid> tagIds,
        bool anonymous,
        bool repliesWelcome,
        string? contentWarning,
        DateTime now)
    {
        var topic = new Topic
        {
            Id = Guid.CreateVersion7(),
            BoardId = boardId,
            AuthorId = authorId,
            Title = PostRules.Title(title),
            Body = PostRules.Body(body),
            IsAnonymous = anonymous,
            RepliesWelcome = repliesWelcome,
            ContentWarning = PostRules.ContentWarning(contentWarning),
            Visibility = PostVisibility.Visible,
            CreatedAt = now,
            LastActivityAt = now,
        };
        topic._tags.AddRange(tagIds.Distinct().Select(tagId => new TopicTag(topic.Id, tagId)));
        topic.Raise(new TopicCreated(topic.Id, boardId, authorId, anonymous, topic.Title, topic.Body, now));
        return topic;
    }

    public void Edit(string? title, string? body, string? contentWarning, bool clearContentWarning, bool? repliesWelcome, DateTime now)
    {
        EnsureNotDeleted();
        if (title is not null)
        {
            Title = PostRules.Title(title);
        }

        if (body is not null)
        {
            Body = PostRules.Body(body);
        }

        if (clearContentWarning)
        {
            ContentWarning = null;
        }
        else if (contentWarning is not null)
        {
            ContentWarning = PostRules.ContentWarning(contentWarning);
        }

        if (repliesWelcome is not null)
        {
            RepliesWelcome = repliesWelcome.Value;
        }

        EditedAt = now;
        Raise(new PostEdited(Id, PostKind.Topic, Id, AuthorId, Title + "\n" + Body, now));
    }

    public void ReplaceTags(IEnumerable<Guid> tagIds)
    {
        EnsureNotDeleted();
        _tags.Clear();
        _tags.AddRange(tagIds.Distinct().Select(tagId => new TopicTag(Id, tagId)));
    }

    public void SetClosed(bool closed)
    {
        EnsureNotDeleted();
        IsClosed = closed;
    }

    public void Delete(DateTime now)
    {
        if (IsDeleted)
        {
            return;
        }

        DeletedAt = now;
        Raise(new PostDeleted(Id, PostKind.Topic, Id, AuthorId, now));
    }

    public void MarkAuthorDeparted() => AuthorDeparted = true;

    /// <summary>When a moderator last decided on <see cref="Visibility"/> (null while only screening or reports
    /// acted). A hidden post is purged some time after a moderator's decision, never before one.</summary>
    public DateTime? ModeratedAt { get; private set; }

    public void SetVisibility(PostVisibility visibility, DateTime? decidedAt)
    {
        Visibility = visibility;
        ModeratedAt = decidedAt;
    }

    /// <summary>Throws 409 when the topic does not take replies.</summary>
    public void EnsureAcceptsReplies()
    {
        EnsureNotDeleted();
        if (!RepliesWelcome)
        {
            throw ConsultationErrors.RepliesNotWelcome.Error();
        }

        if (IsClosed)
        {
            throw ConsultationErrors.TopicClosed.Error();
        }
    }

    private void EnsureNotDeleted()
    {
        if (IsDeleted)
        {
            throw PostRules.Gone();
        }
    }
}
