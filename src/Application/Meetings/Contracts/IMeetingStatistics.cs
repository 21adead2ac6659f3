namespace Salon.Application.Meetings.Contracts;

/// <summary>Aggregate figures about meetings, for Insights. Counts only, computed in the database.</summary>
public interface IMeetingStatistics
{
    /// <summary>Meetings starting in [fromUtc, toUtc).</summary>
    Task<MeetingFillFigures> FillAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}
