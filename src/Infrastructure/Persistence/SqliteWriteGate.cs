namespace Salon.Infrastructure.Persistence;

/// <summary>
/// One SQLite writer at a time, queued in the process instead of in SQLite (issue 15). Every transaction on SQLite
/// starts with <c>BEGIN IMMEDIATE</c>, which takes the database's write lock; a second writer used to wait inside
/// SQLite's busy handler, which blocks its thread-pool thread and sleeps in growing steps (up to 100 ms) between
/// tries, so under load most of a write's time was spent asleep after the lock was already free. Here a writer
/// awaits its turn (no thread held, first come first served) and begins only when the lock is free.
/// <para>
/// The gate is per process and per database (one per registration). It does not replace SQLite's lock: another
/// process, or a write outside a transaction, still meets the busy timeout as before. A writer that waits longer
/// than the busy timeout goes ahead without its turn and is left to SQLite's lock and busy timeout, so a
/// transaction that waits for another in the same process can never hang, only fail as it did before.
/// </para>
/// </summary>
public sealed class SqliteWriteGate(TimeSpan patience) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>A turn that holds nothing: for a writer with no gate (PostgreSQL) or one that waited too long.</summary>
    public static IDisposable NoTurnNeeded => NoTurn.Instance;

    /// <summary>Waits for this writer's turn; dispose the result to pass the turn on (after commit or rollback).</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken) =>
        await _turn.WaitAsync(patience, cancellationToken) ? new Turn(_turn) : NoTurnNeeded;

    public void Dispose() => _turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose()
        {
        }
    }
}
