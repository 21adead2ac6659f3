namespace Salon.Application.Insights.GetInsightsSummary;

/// <summary>Meetings held (started, not cancelled) in the range: seats offered and taken by accepted applicants.
/// The fill rate (taken / offered) is null when fewer than five seats were taken.</summary>
public sealed record MeetingFigures(SuppressedCount Meetings, SuppressedCount Seats, SuppressedCount SeatsTaken, double? FillRate);
