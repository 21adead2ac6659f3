using System.Globalization;
using FluentValidation;
using Mediator;
using Salon.Application.Common.Statistics;
using Salon.Application.Common.Time;
using Salon.Application.Common.Validation;
using Salon.Application.Consultations.Contracts;
using Salon.Application.Meetings.Contracts;
using Salon.Application.Members.Contracts;
using Salon.Application.Moderation.Contracts;
using Salon.Domain.Common;

namespace Salon.Application.Insights.GetInsightsSummary;

/// <summary>GET /api/insights/summary (admins). <paramref name="From"/> and <paramref name="To"/> are
/// calendar days in Japan, widened to whole months (from the first of <c>from</c>'s month to the last day of
/// <c>to</c>'s month); by default the last 12 months including the current one.</summary>
public sealed record GetInsightsSummaryQuery(DateOnly? From, DateOnly? To) : IQuery<InsightsSummary>;

public sealed class GetInsightsSummaryQueryValidator : AbstractValidator<GetInsightsSummaryQuery>
{
    public const int MaxMonths = 36;

    public GetInsightsSummaryQueryValidator()
    {
        RuleFor(q => q.From).PlausibleDay();
        RuleFor(q => q.To).PlausibleDay();
        RuleFor(q => q.To)
            .Must((q, to) => q.From is null || to is null || q.From <= to)
            .WithMessage(_ => new LocalizedText("終了日は開始日以降にしてください。", "The end must not be before the start.").Current);
        RuleFor(q => q.From)
            .Must((q, from) => from is null || q.To is null || !PlausibleDates.Contains(from) || !PlausibleDates.Contains(q.To) || from.Value.AddMonths(MaxMonths) > q.To.Value)
            .WithMessage(_ => new LocalizedText($"期間は{MaxMonths}か月以内にしてください。", $"The range must be at most {MaxMonths} months.").Current);
    }
}

/// <summary>Composes the owning modules' statistics contracts; reads no table of its own. Every figure is
/// an aggregate computed by the database.</summary>
public sealed class GetInsightsSummaryQueryHandler(
    IMemberStatistics members,
    IConsultationStatistics consultations,
    IModerationStatistics moderation,
    IMeetingStatistics meetings,
    TimeProvider time) : IQueryHandler<GetInsightsSummaryQuery, InsightsSummary>
{
    public async ValueTask<InsightsSummary> Handle(GetInsightsSummaryQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(JapanTime.ToJst(now));
        // Whole calendar months only: two ranges a day apart would otherwise reveal a suppressed count by
        // subtraction (one registration on one day).
        var to = query.To ?? today;
        to = new DateOnly(to.Year, to.Month, 1).AddMonths(1).AddDays(-1);
        var from = query.From ?? new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        from = new DateOnly(from.Year, from.Month, 1);
        if (from > to)
        {
            throw InsightsErrors.InvalidRange.ForField("from");
        }

        var fromUtc = JapanTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var toUtc = JapanTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));

        // One DbContext per request: the statements run one after another.
        var registrations = await members.RegistrationsPerMonthAsync(fromUtc, toUtc, cancellationToken);
        var topics = await consultations.TopicsPerMonthAsync(fromUtc, toUtc, cancellationToken);
        var replies = await consultations.RepliesPerMonthAsync(fromUtc, toUtc, cancellationToken);
        var positions = await members.MembersByFamilyPositionAsync(cancellationToken);
        var active = await consultations.ActiveMembersAsync(fromUtc, toUtc, cancellationToken);
        var firstReplies = await consultations.FirstRepliesAsync(fromUtc, toUtc, now, cancellationToken);
        var decisions = await moderation.ResponseTimesAsync(fromUtc, toUtc, cancellationToken);
        var fill = await meetings.FillAsync(fromUtc, toUtc, cancellationToken);

        var months = new List<MonthFigures>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            months.Add(new MonthFigures(
                month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                CountIn(registrations, month),
                CountIn(topics, month),
                CountIn(replies, month)));
        }

        var enough = firstReplies.Consultations >= SuppressedCount.Threshold;
        return new InsightsSummary(
            from,
            to,
            "Asia/Tokyo",
            months,
            positions.ToDictionary(p => FamilyPositionNames.ToNames(p.Key).Single(), p => SuppressedCount.Of(p.Value)),
            SuppressedCount.Of(active),
            new ConsultationFigures(
                SuppressedCount.Of(firstReplies.Consultations),
                SuppressedCount.Of(firstReplies.AnsweredWithin24Hours),
                enough ? Math.Round((double)firstReplies.AnsweredWithin24Hours / firstReplies.Consultations, 3) : null,
                firstReplies.Answered >= SuppressedCount.Threshold ? Round(firstReplies.MedianHoursToFirstReply) : null),
            new ModerationFigures(
                SuppressedCount.Of(decisions.Decisions),
                decisions.Decisions >= SuppressedCount.Threshold ? Round(decisions.MedianHoursToDecision) : null),
            new MeetingFigures(
                SuppressedCount.Of(fill.Meetings),
                SuppressedCount.Of(fill.Seats),
                SuppressedCount.Of(fill.SeatsTaken),
                fill.SeatsTaken >= SuppressedCount.Threshold && fill.FillRate is { } rate ? Math.Round(rate, 3) : null));
    }

    private static SuppressedCount CountIn(IReadOnlyList<MonthCount> counts, DateOnly month) =>
        SuppressedCount.Of(counts.FirstOrDefault(c => c.Year == month.Year && c.Month == month.Month)?.Count ?? 0);

    private static double? Round(double? hours) => hours is null ? null : Math.Round(hours.Value, 2);
}
