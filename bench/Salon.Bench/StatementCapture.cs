using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Salon.Bench;

/// <summary>
/// Records the SQL statements one mediator call executes, on this async flow only, from two sources:
/// <list type="bullet">
/// <item>EF Core's command interceptor: the exact command text EF sends, with its parameters
/// (what <c>EXPLAIN QUERY PLAN</c> is run on);</item>
/// <item>SQLite's own statement trace (<c>sqlite3_trace</c>, set on the connection while recording):
/// every statement SQLite runs, with parameters expanded into literals. It also sees the commands
/// that bypass EF (<c>SqlitePostSearch</c> runs its own <c>DbCommand</c> on EF's connection), which no
/// EF interceptor can, and it is what the statement counts are taken from.</item>
/// </list>
/// Outside <see cref="RecordAsync{T}"/> the trace is switched off, so timed runs pay nothing for it.
/// </summary>
internal sealed partial class StatementCapture : DbCommandInterceptor
{
    private readonly AsyncLocal<Recording?> _current = new();

    public bool IsRecording => _current.Value is not null;

    public async Task<(T Result, Recording Recording)> RecordAsync<T>(Func<Task<T>> action)
    {
        var recording = new Recording();
        _current.Value = recording;
        try
        {
            var result = await action();
            return (result, recording);
        }
        finally
        {
            _current.Value = null;
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        RecordEf(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        RecordEf(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        RecordEf(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        RecordEf(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        RecordEf(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        RecordEf(command);
        return ValueTask.FromResult(result);
    }

    /// <summary>Called by SQLite (synchronously, inside the step of the statement) with the expanded SQL.</summary>
    internal void OnTrace(object userData, string sql)
    {
        var recording = _current.Value;
        if (recording is null || sql.TrimStart().StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // SQLite marks statements run inside another one (an FTS5 table reading its shadow tables while
        // the search runs) with "-- "; FTS5 also reads its config table when the search is prepared.
        // They are not statements the application sent: count them apart.
        if (sql.StartsWith("--", StringComparison.Ordinal) || ShadowTable().IsMatch(sql))
        {
            recording.Nested++;
            return;
        }

        var statements = recording.Statements;

        // EF's interceptor fires just before the statement starts, so an EF command still waiting for its
        // trace line is this statement; anything else was sent past EF.
        if (statements.Count > 0 && statements[^1] is { FromEf: true, Expanded: null } last)
        {
            statements[^1] = last with { Expanded = sql };
        }
        else
        {
            statements.Add(new CapturedStatement(sql, [], FromEf: false, Expanded: sql));
        }
    }

    private void RecordEf(DbCommand command)
    {
        var statements = _current.Value?.Statements;
        if (statements is null)
        {
            return;
        }

        var parameters = command.Parameters.Cast<DbParameter>()
            .Select(p => new CapturedParameter(
                p.ParameterName,
                p.Value is DBNull ? null : p.Value,
                p is SqliteParameter sqlite ? sqlite.SqliteType : null,
                p.DbType))
            .ToList();
        statements.Add(new CapturedStatement(command.CommandText, parameters, FromEf: true, Expanded: null));
    }

    /// <summary>FTS5's shadow tables, as FTS5 names them in its own SQL: 'main'.'PostSearch_config'.</summary>
    [GeneratedRegex(@"'\w+'\.'\w+_(config|data|idx|docsize|content)'")]
    private static partial Regex ShadowTable();
}

/// <summary>What one call executed: the application's statements, and how many statements SQLite ran
/// inside them (FTS5 reading its index and document sizes).</summary>
internal sealed class Recording
{
    public List<CapturedStatement> Statements { get; } = [];

    public int Nested { get; set; }
}

/// <summary>Switches SQLite's statement trace on for connections opened while recording, off otherwise.
/// (Connections are pooled, so the handle may still carry the trace from an earlier recording.)</summary>
internal sealed class SqliteTraceInterceptor(StatementCapture capture) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            raw.sqlite3_trace(handle, capture.IsRecording ? capture.OnTrace : null, null);
        }
    }
}

internal sealed record CapturedParameter(string Name, object? Value, SqliteType? SqliteType, DbType DbType);

/// <summary>One statement: as EF sent it (with parameters), or, for a command sent past EF, as SQLite
/// traced it (parameters already expanded into literals).</summary>
internal sealed record CapturedStatement(string Sql, IReadOnlyList<CapturedParameter> Parameters, bool FromEf, string? Expanded);
