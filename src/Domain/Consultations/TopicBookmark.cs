namespace Salon.Domain.Consultations;

/// <summary>A topic kept for later.</summary>
public sealed class TopicBookmark(Guid topicId, Guid memberId, DateTime createdAt)
{
    public Guid TopicId { get; private set; } = topicId;

    public Guid MemberId { get; private set; } = memberId;

    public DateTime CreatedAt { get; private set; } = createdAt;
}
