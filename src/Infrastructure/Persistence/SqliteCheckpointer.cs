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
/// last connection still checkpoints, as SQLite always does.</summary>
public sealed class SqliteCheckpointer(string connectionString, TimeSpan interval, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>The last run's result: frames in the log and frames copied into the database (SQLite's own counts).</summary>
    public (long Log, long Checkpointed)? Last { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                Last = (reader.GetInt64(1), reader.GetInt64(2));
            }
        }
        catch (SqliteException ex)
        {
            // The next run tries again; the log only grows meanwhile.
            logger.LogWarning(ex, "SQLite checkpoint failed (error {Code})", ex.SqliteErrorCode);
        }
    }
}
