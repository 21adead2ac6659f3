namespace Salon.Domain.Consultations;

/// <summary>A tag on a topic.</summary>
public sealed class TopicTag(Guid topicId, Guid tagId)
{
    public Guid TopicId { get; private set; } = topicId;

    public Guid TagId { get; private set; } = tagId;
}
