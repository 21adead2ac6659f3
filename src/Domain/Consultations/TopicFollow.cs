namespace Salon.Domain.Consultations;

/// <summary>Following a topic: notified of its replies. Authors follow their own topics.</summary>
public sealed class TopicFollow(Guid topicId, Guid memberId, DateTime createdAt)
{
    public Guid TopicId { get; private set; } = topicId;

    public Guid MemberId { get; private set; } = memberId;

    public DateTime CreatedAt { get; private set; } = createdAt;
}
