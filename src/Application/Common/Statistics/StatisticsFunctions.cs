using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;

namespace Salon.Application.Common.Statistics;

/// <summary>Aggregates that every module's statistics contract computes the same way, in the database.
/// Written in provider-neutral LINQ; the one provider-specific piece, <see cref="DayNumber"/>, is
/// translated by the persistence layer (SQLite: <c>julianday</c>).</summary>
public static class StatisticsFunctions
{
    /// <summary>A continuous day number with a fraction for the time of day. Only differences are
    /// meaningful (in days). Translated to SQL; never runs in memory.</summary>
    public static double DayNumber(DateTime value) =>
        throw new InvalidOperationException($"{nameof(DayNumber)} only runs inside a database query ({value:O}).");

    /// <summary>Counts per Tokyo calendar month: one GROUP BY statement. Japan has no daylight saving time, so
    /// <see cref="JapanTime.OffsetHours"/> buckets months exactly and translates on every provider.</summary>
    public static async Task<IReadOnlyList<MonthCount>> PerTokyoMonthAsync(this IQueryable<DateTime> times, CancellationToken cancellationToken)
    {
        var rows = await times
            .Select(t => t.AddHours(JapanTime.OffsetHours))
            .GroupBy(t => new { t.Year, t.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MonthCount(r.Year, r.Month, r.Count)).OrderBy(r => r.Year).ThenBy(r => r.Month).ToList();
    }

    /// <summary>The median, with a count and a keyset-free OFFSET read of the one or two middle values:
    /// two statements, whatever the number of rows. Null when there are none.</summary>
    public static async Task<(int Count, double? Median)> MedianAsync(this IQueryable<double> values, CancellationToken cancellationToken)
    {
        var count = await values.CountAsync(cancellationToken);
        if (count == 0)
        {
            return (0, null);
        }

        var middle = await values.OrderBy(v => v).Skip((count - 1) / 2).Take(count % 2 == 0 ? 2 : 1).ToListAsync(cancellationToken);
        return (count, middle.Average());
    }
}
