using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Salon.IntegrationTests.Infrastructure;

/// <summary>Counts the SQL commands EF sends inside <see cref="Measure"/>, on this async flow only.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly AsyncLocal<List<string>?> _current = new();

    public async Task<IReadOnlyList<string>> Measure(Func<Task> action)
    {
        var commands = new List<string>();
        _current.Value = commands;
        try
        {
            await action();
        }
        finally
        {
            _current.Value = null;
        }

        return commands;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command) => _current.Value?.Add(command.CommandText);
}
