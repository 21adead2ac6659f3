namespace Salon.Domain.Moderation;

/// <summary>One member's report of one post. A member reports a post at most once.</summary>
public sealed class Report
{
    private Report()
    {
    }

    public Guid Id { get; private set; }

    public Guid PostId { get; private set; }

    public Guid ReporterId { get; private set; }

    public ReportReason Reason { get; private set; }

    /// <summary>The reporter's note, for moderators only.</summary>
    public string? Note { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Report File(Guid postId, Guid reporterId, ReportReason reason, string? note, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        PostId = postId,
        ReporterId = reporterId,
        Reason = reason,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        CreatedAt = now,
    };
}
