using Salon.Application.Common.Statistics;

namespace Salon.Application.Consultations.Contracts;

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
