using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Salon.Application.Common.Statistics;

namespace Salon.Infrastructure.Persistence;

/// <summary>The provider-specific half of <see cref="StatisticsFunctions"/>: a continuous day number
/// whose differences give durations, which LINQ cannot express on SQLite (no DateTime subtraction).</summary>
internal static class StatisticsTranslations
{
    public static void MapStatisticsFunctions(this ModelBuilder builder, string? providerName)
    {
        var dayNumber = typeof(StatisticsFunctions).GetMethod(nameof(StatisticsFunctions.DayNumber))!;
        var sqlite = providerName?.EndsWith(".Sqlite", StringComparison.Ordinal) ?? true;

        // SQLite stores DateTime as ISO text; julianday() reads it with its fraction of a day.
        // PostgreSQL: date_part('julian', timestamp) is the same Julian day with a fraction
        // (written for the PostgreSQL provider; verify there when it lands).
        builder.HasDbFunction(dayNumber).HasTranslation(args => sqlite
            ? new SqlFunctionExpression("julianday", args, nullable: true, argumentsPropagateNullability: [true], typeof(double), null)
            : new SqlFunctionExpression("date_part", [new SqlFragmentExpression("'julian'"), args[0]], nullable: true, argumentsPropagateNullability: [false, true], typeof(double), null));
    }
}
