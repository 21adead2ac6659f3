using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.Contracts;

/// <summary>One reaction, as other modules may see it (for grouped reaction notices).</summary>
public sealed record ReactionView
{
    public Guid PostId { get; init; }

    public Guid MemberId { get; init; }

    public ReactionKind Kind { get; init; }

    public DateTime CreatedAt { get; init; }
}

/// <summary>Reactions as a composable view (ADR 0008): no AsNoTracking inside.</summary>
public interface IPostReactions
{
    IQueryable<ReactionView> Reactions { get; }
}
