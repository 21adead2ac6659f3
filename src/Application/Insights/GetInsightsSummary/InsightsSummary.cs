namespace Salon.Application.Insights.GetInsightsSummary;

public sealed record InsightsSummary(
    DateOnly From,
    DateOnly To,
    string TimeZone,
    IReadOnlyList<MonthFigures> Months,
    IReadOnlyDictionary<string, SuppressedCount> MembersByFamilyPosition,
    SuppressedCount ActiveMembers,
    ConsultationFigures Consultations,
    ModerationFigures Moderation,
    MeetingFigures Meetings);
