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
}
