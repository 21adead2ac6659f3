namespace Salon.Application.Insights.GetInsightsSummary;

/// <summary>The median is null when there were fewer than five decisions.</summary>
public sealed record ModerationFigures(SuppressedCount Decisions, double? MedianHoursToDecision);
