namespace Salon.Application.Insights.GetInsightsSummary;

/// <summary>Shares and medians are null when computed from fewer than five consultations.</summary>
public sealed record ConsultationFigures(
    SuppressedCount Consultations,
    SuppressedCount AnsweredWithin24Hours,
    double? ShareAnsweredWithin24Hours,
    double? MedianHoursToFirstReply);
