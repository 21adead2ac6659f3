using Salon.Domain.Common;
using Salon.Domain.Consultations.Events;

namespace Salon.Domain.Consultations;

/// <summary>An answer to a consultation.</summary>
public sealed class Reply : Entity
{
    private Reply()
    {
        Body = string.Empty;
    }

    public Guid TopicId { get; private set; }

    public Guid AuthorId { get; private set; }

    public string Body { get; private set; }

    public bool IsAnonymous { get; private set; }

    public string? ContentWarning { get; private set; }

    public PostVisibility Visibility { get; private set; }

    public bool AuthorDeparted { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? EditedAt { get; private set; }

    public DateTime? DeletedAt { get; private set; }

    public int RelateCount { get; private set; }

    public int ThanksCount { get; private set; }

    public int SupportCount { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>A new reply; <paramref name="held"/> when screening holds it for review (others do not see it).</summary>
    public static Reply Post(Topic topic, Guid authorId, string body, bool anonymous, string? contentWarning, DateTime now, bool held = false)
    {
        topic.EnsureAcceptsReplies();
        var reply = new Reply
        {
            Id = Guid.CreateVersion7(),
            TopicId = topic.Id,
            AuthorId = authorId,
            Body = PostRules.Body(body),
            IsAnonymous = anonymous,
            ContentWarning = PostRules.ContentWarning(contentWarning),
            Visibility = held ? PostVisibility.Held : PostVisibility.Visible,
            CreatedAt = now,
        };
        reply.Raise(new ReplyPosted(reply.Id, topic.Id, topic.AuthorId, topic.Title, authorId, anonymous, reply.Body, !held, topic.Visibility == PostVisibility.Visible, now));
        return reply;
    }

    public void Edit(string? body, string? contentWarning, bool clearContentWarning, DateTime now)
    {
        EnsureNotDeleted();
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

        EditedAt = now;
        Raise(new PostEdited(Id, PostKind.Reply, TopicId, AuthorId, Body, now));
    }

    public void Delete(DateTime now)
    {
        if (IsDeleted)
        {
            return;
        }

        DeletedAt = now;
        Raise(new PostDeleted(Id, PostKind.Reply, TopicId, AuthorId, now));
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

    private void EnsureNotDeleted()
    {
        if (IsDeleted)
        {
            throw PostRules.Gone();
        }
    }
}
