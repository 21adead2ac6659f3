namespace Salon.Application.Consultations.Contracts;

/// <summary>Reactions as a composable view (ADR 0008): no AsNoTracking inside.</summary>
public interface IPostReactions
{
    IQueryable<ReactionView> Reactions { get; }
}
