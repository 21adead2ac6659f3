namespace Salon.Application.Moderation.Contracts;

/// <summary>Aggregate figures about moderation, for Insights. Counts only, computed in the database.</summary>
public interface IModerationStatistics
{
    /// <summary>Decisions made in [fromUtc, toUtc).</summary>
    Task<ModerationResponseFigures> ResponseTimesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}
