using System.Text.Json;
using System.Text.Json.Serialization;
using Salon.Web.Api;

namespace Salon.Web.Insights;

/// <summary>The Insights route (<c>GET /api/insights/summary</c>; admins only).</summary>
public static class InsightsRoutes
{
    public static readonly ApiRoute Summary = new("GET", "/api/insights/summary");
}

/// <summary>A count as the API sends it: a number (0, or 5 and more), or the string "&lt;5" for 1 to 4, which the
/// client keeps as <see cref="Suppressed"/> with no number at all, so no page can show one.</summary>
[JsonConverter(typeof(InsightCountConverter))]
public readonly record struct InsightCount(int? Value)
{
    public bool Suppressed => Value is null;

    /// <summary>「12」, or 「5未満」.</summary>
    public string Text => Value?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "5未満";
}

public sealed class InsightCountConverter : JsonConverter<InsightCount>
{
    public override InsightCount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? new InsightCount(reader.GetInt32()) : new InsightCount(null);

    public override void Write(Utf8JsonWriter writer, InsightCount value, JsonSerializerOptions options)
    {
        if (value.Value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue("<5");
        }
    }
}

public sealed record MonthFigures(string Month, InsightCount Registrations, InsightCount Topics, InsightCount Replies);

public sealed record ConsultationFigures(InsightCount Consultations, InsightCount AnsweredWithin24Hours, double? ShareAnsweredWithin24Hours, double? MedianHoursToFirstReply);

public sealed record ModerationFigures(InsightCount Decisions, double? MedianHoursToDecision);

public sealed record MeetingFigures(InsightCount Meetings, InsightCount Seats, InsightCount SeatsTaken, double? FillRate);

/// <summary>GET /api/insights/summary: whole months in Japan time; shares and medians are null when computed
/// from fewer than five items.</summary>
public sealed record InsightsSummary(
    DateOnly From, DateOnly To, IReadOnlyList<MonthFigures> Months, IReadOnlyDictionary<string, InsightCount> MembersByFamilyPosition,
    InsightCount ActiveMembers, ConsultationFigures Consultations, ModerationFigures Moderation, MeetingFigures Meetings);

public static class InsightsApi
{
    public static Task<ApiResult<InsightsSummary>> InsightsSummaryAsync(this SalonApiClient api, DateOnly? from, DateOnly? to) =>
        api.GetAsync<InsightsSummary>(InsightsRoutes.Summary, query:
            [new("from", from?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new("to", to?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]);
}
