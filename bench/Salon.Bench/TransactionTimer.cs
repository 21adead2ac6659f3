using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Salon.Bench;

/// <summary>How long each database transaction stays open, from begin to commit or rollback, as EF Core sees it
/// (issue 15's announcement goal: no write transaction over 200 ms). On SQLite every transaction begins
/// <c>BEGIN IMMEDIATE</c>, so this is how long the write lock is held.</summary>
internal sealed class TransactionTimer : DbTransactionInterceptor
{
    private readonly ConcurrentDictionary<DbTransaction, long> _open = new();
    private readonly ConcurrentQueue<TimeSpan> _durations = new();

    /// <summary>The durations recorded since the last <see cref="Reset"/>, in the order they ended.</summary>
    public IReadOnlyList<TimeSpan> Durations => [.. _durations];

    public void Reset() => _durations.Clear();

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _open[result] = Stopwatch.GetTimestamp();
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        _open[result] = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => End(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        End(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => End(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        End(transaction);
        return Task.CompletedTask;
    }

    private void End(DbTransaction transaction)
    {
        if (_open.TryRemove(transaction, out var started))
        {
            _durations.Enqueue(Stopwatch.GetElapsedTime(started));
        }
    }
}
