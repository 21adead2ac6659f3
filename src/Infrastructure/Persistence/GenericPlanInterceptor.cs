using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Salon.Application.Common.Persistence;

namespace Salon.Infrastructure.Persistence;

/// <summary>On PostgreSQL, a query tagged <see cref="QueryTags.GenericPlan"/> runs with <c>plan_cache_mode =
/// force_generic_plan</c> for itself alone: the setting and its reset are sent with the query, in the same command and
/// round trip, so the statements after it on the connection plan as before (docs/adr/0055). PostgreSQL's own choice
/// (<c>auto</c>) compares a generic plan's estimated cost with the custom plans' and may re-plan on every execution:
/// a reply's notice recipients were planned on every reply, 0.5–0.8 ms of PostgreSQL's CPU each, to find the same plan.</summary>
public sealed class GenericPlanInterceptor : DbCommandInterceptor
{
    public static readonly GenericPlanInterceptor Instance = new();

    /// <summary>How EF Core writes the tag: a comment on the statement's first line.</summary>
    private static readonly string TagLine = "-- " + QueryTags.GenericPlan;

    private const string Before = "SET plan_cache_mode = force_generic_plan;\n";

    private const string After = ";\nRESET plan_cache_mode";

    private GenericPlanInterceptor()
    {
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Apply(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Apply(command);
        return ValueTask.FromResult(result);
    }

    private static void Apply(DbCommand command)
    {
        if (command.CommandText.StartsWith(TagLine, StringComparison.Ordinal))
        {
            command.CommandText = Before + command.CommandText + After;
        }
    }
}
