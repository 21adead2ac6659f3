using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Salon.Infrastructure.Persistence;

/// <summary>Copies SQLite's write-ahead log into the database file in the background, every
/// <see cref="DatabaseOptions.SqliteCheckpointIntervalMilliseconds"/>, instead of inside whichever write transaction's
/// COMMIT crosses SQLite's automatic threshold: the app's connections run with <c>wal_autocheckpoint = 0</c>
/// (<see cref="SqliteConnectionInterceptor"/>). Measured with 250-member announcement batches, that checkpoint took
/// 277–334 ms inside one COMMIT while the process's write gate was held (issue 15, docs/adr/0033). PASSIVE: it never waits
/// for a reader or a writer, and copies what no open reader still needs; the rest goes at the next run. Closing the
/// last connection still checkpoints, as SQLite always does.
/// <para>
/// A PASSIVE checkpoint alone lets the log grow without end under steady writes: SQLite starts the log again from its
/// beginning only when a writer finds every frame copied, and a writer in between always adds frames first (4.2 GB in
/// one minute of replies, docs/adr/0038). So once the log holds <see cref="DatabaseOptions.SqliteLogRestartFrames"/>
/// frames, the checkpointer takes the process's write turn (<see cref="SqliteWriteGate"/>) and runs a RESTART
/// checkpoint that never waits: it copies the few frames written since the PASSIVE pass, so the next writer starts the
/// log again (at once when no reader is still in the log; readers that begin after the copy no longer use it).</para>
/// </summary>
public sealed class SqliteCheckpointer(
    string connectionString,
    TimeSpan interval,
    long restartFrames,
    SqliteWriteGate writeGate,
    ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>How long a RESTART checkpoint waits for readers still using the log while it holds the write turn: not
    /// at all. With 20 ms, 32 readers and 4 writers at once lost 11–14 % of their reads and the writes' p99 rose 15–26 %
    /// (docs/adr/0038); a reader still in the log only delays the restart to the next writer or the next pass.</summary>
    public const int RestartPatienceMilliseconds = 0;

    /// <summary>The last run's result: frames in the log and frames copied into the database (SQLite's own counts).</summary>
    public (long Log, long Checkpointed)? Last { get; private set; }

    /// <summary>How many RESTART checkpoints found no reader in the log (the next writer starts it again).</summary>
    public long Restarts { get; private set; }

    /// <summary>SQLite's <c>data_version</c> seen by a run that left the whole log copied: until another connection
    /// commits, there is nothing to do (an idle instance does not take the write turn again and again).</summary>
    private long? _settledAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        SqliteConnection? connection = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                connection = await CheckpointAsync(connection, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>One run on the checkpointer's own connection (opened again after a failure).</summary>
    private async Task<SqliteConnection?> CheckpointAsync(SqliteConnection? connection, CancellationToken cancellationToken)
    {
        try
        {
            connection ??= await OpenAsync(cancellationToken);
            var version = await DataVersionAsync(connection, cancellationToken);
            if (version == _settledAt)
            {
                return connection;
            }

            var result = await RunAsync(connection, "PASSIVE", cancellationToken);
            if (result.Log >= restartFrames)
            {
                using (await writeGate.EnterAsync(cancellationToken))
                {
                    result = await RunAsync(connection, "RESTART", cancellationToken);
                }

                if (!result.Busy)
                {
                    Restarts++;
                }
            }

            Last = (result.Log, result.Checkpointed);
            // Settled: everything copied, and a log past the threshold left for the next writer to start again (a
            // RESTART that met a reader is tried again at the next run).
            _settledAt = result.Checkpointed == result.Log && !(result.Log >= restartFrames && result.Busy) ? version : null;
            return connection;
        }
        catch (SqliteException ex)
        {
            // The next run tries again on a new connection; the log only grows meanwhile.
            logger.LogWarning(ex, "SQLite checkpoint failed (error {Code})", ex.SqliteErrorCode);
            _settledAt = null;
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            return null;
        }
    }

    /// <summary>A connection of its own, outside the app's pool: its busy timeout is the checkpointer's, not the
    /// writers', and it is kept open between runs.</summary>
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {RestartPatienceMilliseconds};";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Changes whenever another connection has committed since this one last asked.</summary>
    private static async Task<long> DataVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<(bool Busy, long Log, long Checkpointed)> RunAsync(SqliteConnection connection, string mode, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2))
            : (false, 0, 0);
    }
}
