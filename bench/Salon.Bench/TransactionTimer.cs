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
    private readonly ConcurrentDictionary<DbTransaction, Opened> _open = new();
    private readonly ConcurrentDictionary<DbTransaction, long> _committing = new();
    private readonly ConcurrentQueue<Timed> _timed = new();

    /// <summary>The durations recorded since the last <see cref="Reset"/>, in the order they ended.</summary>
    public IReadOnlyList<TimeSpan> Durations => [.. _timed.Select(t => t.Duration)];

    /// <summary>Each transaction since the last <see cref="Reset"/> with its anatomy: how much of it was the COMMIT
    /// itself (on SQLite a WAL auto-checkpoint runs inside it) and how many garbage collections of each generation
    /// happened while it was open (process-wide counts: a pause of any thread's making).</summary>
    public IReadOnlyList<Timed> Transactions => [.. _timed];

    public void Reset() => _timed.Clear();

    public sealed record Timed(TimeSpan Duration, TimeSpan Commit, int Gen0, int Gen1, int Gen2);

    private sealed record Opened(long At, int Gen0, int Gen1, int Gen2);

    private static Opened Now() => new(Stopwatch.GetTimestamp(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        _committing[transaction] = Stopwatch.GetTimestamp();
        return result;
    }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        _committing[transaction] = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _open[result] = Now();
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        _open[result] = Now();
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
        if (_open.TryRemove(transaction, out var opened))
        {
            var commit = _committing.TryRemove(transaction, out var committing) ? Stopwatch.GetElapsedTime(committing) : TimeSpan.Zero;
            _timed.Enqueue(new Timed(
                Stopwatch.GetElapsedTime(opened.At),
                commit,
                GC.CollectionCount(0) - opened.Gen0,
                GC.CollectionCount(1) - opened.Gen1,
                GC.CollectionCount(2) - opened.Gen2));
        }
    }
}
