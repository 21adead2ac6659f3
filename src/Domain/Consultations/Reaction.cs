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
