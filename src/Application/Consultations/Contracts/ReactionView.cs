namespace Salon.Application.Consultations.Contracts;

/// <summary>One reaction, as other modules may see it (for grouped reaction notices).</summary>
public sealed record ReactionView
{
    public Guid PostId { get; init; }

    public Guid MemberId { get; init; }

    /// <summary><c>relate</c> (わかる), <c>thanks</c> (ありがとう) or <c>support</c> (応援).</summary>
    public string KindName { get; init; } = string.Empty;

    public DateTime CreatedAt { get; init; }
}
