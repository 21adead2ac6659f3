using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salon.Infrastructure.Persistence;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>SQLite's write-ahead log is checkpointed in the background, never inside a write's COMMIT: that checkpoint
/// took 277–334 ms inside one announcement batch while the process's write gate was held (issue 15, docs/adr/0033).</summary>
public sealed class SqliteCheckpointTests : IDisposable
{
    private readonly SalonApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task The_apps_connections_never_checkpoint_in_a_commit_and_the_background_checkpoint_copies_the_log()
    {
        using var client = _factory.CreateClient();
        var author = await _factory.SignUpAsync(client);
        await client.CreateTopicAsync(author);

        var automatic = await _factory.WithDbAsync(db => SqlitePragma.ReadAsync<long>(db, "wal_autocheckpoint"));
        Assert.Equal(0, automatic);
        var sizeLimit = await _factory.WithDbAsync(db => SqlitePragma.ReadAsync<long>(db, "journal_size_limit"));
        Assert.Equal(SqliteConnectionInterceptor.JournalSizeLimitBytes, sizeLimit);

        var checkpointer = _factory.Services.GetRequiredService<SqliteCheckpointer>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (checkpointer.Last is not { Log: > 0 } && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var last = Assert.NotNull(checkpointer.Last);
        Assert.True(last.Log > 0, "the writes above left frames in the log");
        Assert.Equal(last.Log, last.Checkpointed);
    }

    /// <summary>Under steady writes a PASSIVE checkpoint never leaves the log fully copied before the next writer adds
    /// to it, so SQLite never starts the log again: 4.2 GB in a minute of replies (docs/adr/0038). Past its threshold the
    /// checkpointer takes the process's write turn for a RESTART checkpoint, so it waits for a writer in the process and
    /// never runs beside one; with nothing committed since a run that left the log copied, it does nothing.</summary>
    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task Past_its_threshold_the_checkpoint_restarts_the_log_in_the_write_turn_and_never_beside_a_writer()
    {
        _factory.Settings["Database:SqliteLogRestartFrames"] = "1";
        _factory.Settings["Database:SqliteCheckpointIntervalMilliseconds"] = "20";
        using var client = _factory.CreateClient();
        var author = await _factory.SignUpAsync(client);
        var checkpointer = _factory.Services.GetRequiredService<SqliteCheckpointer>();
        await WaitForAsync(() => checkpointer.Restarts > 0);

        // A writer of this process has its turn (and has not reached SQLite's lock yet), and something else commits
        // meanwhile: the checkpointer has a log to restart, and waits for the turn.
        long during;
        using (await _factory.Services.GetRequiredService<SqliteWriteGate>().EnterAsync(CancellationToken.None))
        {
            await Task.Delay(100);
            during = checkpointer.Restarts;
            var connectionString = await _factory.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
            await using (var other = new SqliteConnection(connectionString))
            {
                await other.OpenAsync();
                await using var write = other.CreateCommand();
                // A write that changes a page (SQLite writes nothing for an UPDATE that changes no value).
                write.CommandText = "PRAGMA user_version = 7;";
                await write.ExecuteNonQueryAsync();
            }

            await Task.Delay(400);
            Assert.Equal(during, checkpointer.Restarts);
        }

        await WaitForAsync(() => checkpointer.Restarts > during);

        var after = checkpointer.Restarts;
        await client.CreateTopicAsync(author);
        await WaitForAsync(() => checkpointer.Restarts > after);
        var last = Assert.NotNull(checkpointer.Last);
        Assert.Equal(last.Log, last.Checkpointed);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "the background checkpoint ran within 15 s");
    }
}
