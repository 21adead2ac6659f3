namespace Salon.Domain.Consultations;

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
