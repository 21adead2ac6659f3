using Salon.Domain.Common;
using Salon.Domain.Consultations.Events;

namespace Salon.Domain.Consultations;

/// <summary>One member's empathy reaction of one kind on one post (topic or reply).</summary>
public sealed class Reaction : Entity
{
    private Reaction()
    {
    }

    public Guid PostId { get; private set; }

    public PostKind PostKind { get; private set; }

    public Guid TopicId { get; private set; }

    public Guid MemberId { get; private set; }

    public ReactionKind Kind { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Reaction Add(Guid postId, PostKind postKind, Guid topicId, Guid postAuthorId, Guid memberId, ReactionKind kind, DateTime now)
    {
        var reaction = new Reaction
        {
            Id = Guid.CreateVersion7(),
            PostId = postId,
            PostKind = postKind,
            TopicId = topicId,
            MemberId = memberId,
            Kind = kind,
            CreatedAt = now,
        };
        reaction.Raise(new ReactionAdded(postId, postKind, topicId, postAuthorId, memberId, kind, now));
        return reaction;
    }
}

/// <summary>Following a topic: notified of its replies. Authors follow their own topics.</summary>
public sealed class TopicFollow(Guid topicId, Guid memberId, DateTime createdAt)
{
    public Guid TopicId { get; private set; } = topicId;

    public Guid MemberId { get; private set; } = memberId;

    public DateTime CreatedAt { get; private set; } = createdAt;
}

/// <summary>A topic kept for later.</summary>
public sealed class TopicBookmark(Guid topicId, Guid memberId, DateTime createdAt)
{
    public Guid TopicId { get; private set; } = topicId;

    public Guid MemberId { get; private set; } = memberId;

    public DateTime CreatedAt { get; private set; } = createdAt;
}

/// <summary>Where a member stopped reading a topic; replies after it are unread.</summary>
public sealed class TopicRead(Guid topicId, Guid memberId, DateTime lastReadAt)
{
    public Guid TopicId { get; private set; } = topicId;

    public Guid MemberId { get; private set; } = memberId;

    public DateTime LastReadAt { get; private set; } = lastReadAt;

    public void ReadAt(DateTime at)
    {
        if (at > LastReadAt)
        {
            LastReadAt = at;
        }
    }
}
