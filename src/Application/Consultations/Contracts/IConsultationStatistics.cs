using Salon.Application.Common.Statistics;

namespace Salon.Application.Consultations.Contracts;

/// <summary>How consultations created in a period were answered.</summary>
/// <param name="Consultations">Topics that welcome replies, not deleted, whose first 24 hours are over.</param>
/// <param name="AnsweredWithin24Hours">Of those, the ones another member replied to within 24 hours.</param>
/// <param name="Answered">Topics created in the period that another member has replied to (at any time).</param>
/// <param name="MedianHoursToFirstReply">Median hours from a topic to its first reply by another member, over <paramref name="Answered"/>.</param>
public sealed record FirstReplyFigures(int Consultations, int AnsweredWithin24Hours, int Answered, double? MedianHoursToFirstReply);

/// <summary>Aggregate figures about consultations, for Insights. Counts only, computed in the database.</summary>
public interface IConsultationStatistics
{
    Task<IReadOnlyList<MonthCount>> TopicsPerMonthAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    Task<IReadOnlyList<MonthCount>> RepliesPerMonthAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>Distinct members who wrote a topic or a reply in [fromUtc, toUtc).</summary>
    Task<int> ActiveMembersAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>First replies to consultations created in [fromUtc, toUtc); <paramref name="nowUtc"/> decides
    /// which topics' 24 hours are over.</summary>
    Task<FirstReplyFigures> FirstRepliesAsync(DateTime fromUtc, DateTime toUtc, DateTime nowUtc, CancellationToken cancellationToken);
}
