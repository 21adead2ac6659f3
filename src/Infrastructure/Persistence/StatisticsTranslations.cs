using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Common.Statistics;

namespace Salon.Infrastructure.Persistence;

/// <summary>The provider-specific half of <see cref="StatisticsFunctions"/>: a continuous day number
/// whose differences give durations, which LINQ cannot express on SQLite (no DateTime subtraction).
/// <para>A query translator plugin rather than a <c>HasDbFunction(…).HasTranslation(…)</c> in the model: a custom
/// translation in the model cannot be written into a compiled model (<c>dotnet ef dbcontext optimize</c> refuses it),
/// and the compiled model is what keeps start-up short (docs/adr/0028).</para></summary>
internal static class StatisticsTranslations
{
    private static readonly MethodInfo DayNumber = typeof(StatisticsFunctions).GetMethod(nameof(StatisticsFunctions.DayNumber))!;

    /// <summary>Adds the translation of <see cref="StatisticsFunctions.DayNumber"/> for the options' provider.</summary>
    public static DbContextOptionsBuilder AddStatisticsTranslations(this DbContextOptionsBuilder options, bool sqlite)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new Extension(sqlite));
        return options;
    }

    private sealed class Extension(bool sqlite) : IDbContextOptionsExtension
    {
        public bool Sqlite { get; } = sqlite;

        public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

        public void ApplyServices(IServiceCollection services) =>
            new EntityFrameworkRelationalServicesBuilder(services).TryAdd<IMethodCallTranslatorPlugin, Plugin>();

        public void Validate(IDbContextOptions options)
        {
        }
    }

    private sealed class ExtensionInfo(Extension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "";

        public override int GetServiceProviderHashCode() => extension.Sqlite ? 1 : 2;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo info && info.Extension is Extension e && e.Sqlite == extension.Sqlite;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["Salon:StatisticsTranslations"] = extension.Sqlite ? "sqlite" : "postgres";
    }

    private sealed class Plugin(IDbContextOptions options, ISqlExpressionFactory sql) : IMethodCallTranslatorPlugin
    {
        public IEnumerable<IMethodCallTranslator> Translators { get; } = [new DayNumberTranslator(options.FindExtension<Extension>()!.Sqlite, sql)];
    }

    private sealed class DayNumberTranslator(bool sqlite, ISqlExpressionFactory sql) : IMethodCallTranslator
    {
        // SQLite stores DateTime as ISO text; julianday() reads it with its fraction of a day.
        // PostgreSQL: date_part('julian', timestamp) is the same Julian day with a fraction.
        public SqlExpression? Translate(SqlExpression? instance, MethodInfo method, IReadOnlyList<SqlExpression> arguments, IDiagnosticsLogger<DbLoggerCategory.Query> logger) =>
            method != DayNumber ? null
            : sql.ApplyDefaultTypeMapping(sqlite
                ? sql.Function("julianday", arguments, nullable: true, argumentsPropagateNullability: [true], typeof(double))
                : sql.Function("date_part", [sql.Fragment("'julian'"), arguments[0]], nullable: true, argumentsPropagateNullability: [false, true], typeof(double)));
    }
}
