namespace Salon.Application.Insights.GetInsightsSummary;

/// <summary>One calendar month in Japan ("2026-04"), every month of the range, zeros included.</summary>
public sealed record MonthFigures(string Month, SuppressedCount Registrations, SuppressedCount Topics, SuppressedCount Replies);
