namespace Salon.Domain.Moderation;

/// <summary>A caring notice sent to a member someone was worried about; at most one a day.</summary>
public sealed class CaringNotice(Guid memberId, DateTime sentAt)
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid MemberId { get; private set; } = memberId;

    public DateTime SentAt { get; private set; } = sentAt;
}
