using System.Collections.Concurrent;
using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Salon.Infrastructure.Jobs;
using Salon.Infrastructure.Persistence.Backup;
using Salon.Infrastructure.Persistence.Backup.Jobs;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;
using Salon.IntegrationTests.Meetings;
using Salon.WebApi.Cli;

namespace Salon.IntegrationTests.Platform;

/// <summary><c>backup</c> and <c>restore</c>, and the nightly backup job.
/// <para>Alone (<see cref="AloneCollection"/>), as <see cref="JobTelemetryTests"/>: the nightly job's test registers the
/// recurring jobs through Hangfire, whose process-wide log provider is bound to the logger factory of the host that
/// configured it last; beside the parallel suite another test's disposed host was left there and creating the
/// recurring-job manager threw ObjectDisposedException (CI, 2026-12-07, on a commit that changed neither).</para></summary>
[Collection(AloneCollection.Name)]
public sealed class BackupTests
{
    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task A_backup_taken_while_members_keep_posting_holds_every_post_acknowledged_before_it_and_restores_in_place()
    {
        var directory = MoveToPostgresTests.NewDirectory();
        var live = Path.Combine(directory, "salon.db");
        var backup = Path.Combine(directory, "backups", "salon-backup.db");
        var word = "保存確認" + Guid.NewGuid().ToString("N")[..6];
        var acknowledged = new ConcurrentQueue<(Guid Id, bool SentAfterBackup)>();
        var backupDone = false;
        List<Guid> beforeBackup;
        List<Guid> afterBackup;
        TestMember writer;
        using (var salon = new SalonApiFactory { ForceSqlite = true, Directory = directory, KeepDirectory = true })
        {
            var client = salon.CreateClient();
            var writers = new List<TestMember>();
            for (var i = 0; i < 3; i++)
            {
                writers.Add(await salon.SignUpAsync(client));
            }

            writer = writers[0];
            using var stop = new CancellationTokenSource();
            var writing = writers.Select(member => Task.Run(async () =>
            {
                var n = 0;
                while (!stop.IsCancellationRequested)
                {
                    var sentAfterBackup = Volatile.Read(ref backupDone);
                    acknowledged.Enqueue((await client.CreateTopicAsync(member, title: $"{word} {n++}", body: "書き込みを続けています。"), sentAfterBackup));
                }
            })).ToList();

            await WaitForAsync(() => acknowledged.Count >= 15);
            beforeBackup = [.. acknowledged.Select(a => a.Id)];
            var run = await BackupAsync(live, backup);
            Volatile.Write(ref backupDone, true);
            await WaitForAsync(() => acknowledged.Count(a => a.SentAfterBackup) >= 5);
            await stop.CancelAsync();
            await Task.WhenAll(writing);
            afterBackup = [.. acknowledged.Where(a => a.SentAfterBackup).Select(a => a.Id)];

            Assert.True(run.Exit == 0, run.Output + run.Error);
            Assert.Contains("integrity ok", run.Output, StringComparison.Ordinal);
            Assert.Contains("migration ", run.Output, StringComparison.Ordinal);
            Assert.Equal(1, (await BackupAsync(live, backup)).Exit);
        }

        // Salon kept writing during and after the backup; the copy holds everything acknowledged before it began.
        var inBackup = await MoveToPostgresTests.SqliteColumnAsync<Guid>(backup, "SELECT Id FROM Topics");
        Assert.All(beforeBackup, id => Assert.Contains(id, inBackup));
        Assert.All(afterBackup, id => Assert.DoesNotContain(id, inBackup));

        // Salon stopped, the backup restored in place: everything acknowledged before the backup is there, the
        // search index agrees with the posts, and the database it replaced is kept.
        var (exit, output, error) = await RestoreAsync(live, backup);
        Assert.True(exit == 0, output + error);
        Assert.Single(Directory.GetFiles(directory, "salon.db.before-restore-*"));
        using var restored = new SalonApiFactory { ForceSqlite = true, Directory = directory };
        var reader = restored.CreateClient();
        var member = await reader.RefreshAsync(writer);
        foreach (var id in beforeBackup)
        {
            await (await reader.SendAsAsync(member, HttpMethod.Get, $"/api/topics/{id}")).ShouldBe(HttpStatusCode.OK);
        }

        await (await reader.SendAsAsync(member, HttpMethod.Get, $"/api/topics/{afterBackup[0]}")).ShouldBe(HttpStatusCode.NotFound);
        var found = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await reader.ListAsync(member, $"/api/search?q={Uri.EscapeDataString(word)}&sort=newest&limit=100" + (cursor is null ? "" : "&cursor=" + cursor));
            found.AddRange(page.Ids());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(inBackup.Order(), found.Order());
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task Restore_refuses_a_damaged_file_and_a_backup_from_a_newer_version_and_leaves_the_database_alone()
    {
        var directory = MoveToPostgresTests.NewDirectory();
        var live = Path.Combine(directory, "salon.db");
        using (var salon = new SalonApiFactory { ForceSqlite = true, Directory = directory, KeepDirectory = true })
        {
            await salon.SignUpAsync(salon.CreateClient());
        }

        SqliteConnection.ClearAllPools();
        var good = Path.Combine(directory, "good.db");
        Assert.Equal(0, (await BackupAsync(live, good)).Exit);

        var truncated = Path.Combine(directory, "truncated.db");
        var bytes = await File.ReadAllBytesAsync(good);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
        var garbage = Path.Combine(directory, "garbage.db");
        await File.WriteAllTextAsync(garbage, "not a database");
        var future = Path.Combine(directory, "future.db");
        File.Copy(good, future);
        await using (var connection = new SqliteConnection($"Data Source={future};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231000000_FromTheFuture', '99.0.0')";
            await insert.ExecuteNonQueryAsync();
        }

        var liveBefore = await File.ReadAllBytesAsync(live);
        foreach (var (file, reason) in new[] { (truncated, "damaged"), (garbage, "damaged or not a SQLite database"), (future, "newer version of Salon") })
        {
            var (exit, _, error) = await RestoreAsync(live, file);
            Assert.Equal(1, exit);
            Assert.Contains(reason, error, StringComparison.Ordinal);
        }

        Assert.Equal(liveBefore, await File.ReadAllBytesAsync(live));
        Assert.Empty(Directory.GetFiles(directory, "salon.db.before-restore-*"));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task The_nightly_backup_is_off_by_default_and_when_on_keeps_the_newest_files_named_by_the_date_in_Japan()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero));
        using (var off = new SalonApiFactory { ForceSqlite = true })
        {
            Assert.DoesNotContain(NightlyBackupJob.RecurringId, Register(off).Select(j => j.Id));
        }

        using var salon = new SalonApiFactory { ForceSqlite = true, Clock = clock };
        var backups = Path.Combine(salon.Directory, "backups");
        salon.Settings["Backup:Directory"] = backups;
        salon.Settings["Backup:Keep"] = "2";
        var job = Assert.Single(Register(salon), j => j.Id == NightlyBackupJob.RecurringId);
        Assert.Equal("0 4 * * *", job.Cron);
        Assert.Equal(RecurringJobsRegistration.Tokyo.Id, job.TimeZoneId);

        await salon.SignUpAsync(salon.CreateClient());
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await using var scope = salon.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<NightlyBackupJob>().RunAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<NightlyBackupJob>().RunAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromDays(1));
        }

        // 16:00 UTC on 1 December is 01:00 on 2 December in Japan; three nights, the newest two kept, a second run
        // on one night replaces that night's file.
        Assert.Equal(
            ["salon-2026-12-04.db", "salon-2026-12-03.db"],
            NightlyBackupJob.Backups(backups).Select(Path.GetFileName).ToList());
        Assert.Equal(["salon-2026-12-03.db", "salon-2026-12-04.db"], Directory.GetFiles(backups).Select(Path.GetFileName).Order().ToList());
        foreach (var file in NightlyBackupJob.Backups(backups))
        {
            Assert.True((await SqliteBackup.CheckAsync(file)).Members >= 1);
        }
    }

    [PostgresFact]
    [Trait("Provider", "Postgres")]
    public async Task On_PostgreSQL_backup_and_restore_print_pg_dump_and_pg_restore_commands_that_work()
    {
        using var source = new SalonApiFactory();
        var client = source.CreateClient();
        var member = await source.SignUpAsync(client);
        var topic = await client.CreateTopicAsync(member, title: "バックアップの確認");
        var dump = Path.Combine(source.Directory, "salon.dump");

        var backup = await RunAsync(BackupVerb.Name, source.PostgresConnectionString!, "--to", dump);
        Assert.Equal(3, backup.Exit);
        var dumpCommand = CommandLine(backup.Output, "pg_dump ");
        Assert.DoesNotContain("Password", dumpCommand, StringComparison.OrdinalIgnoreCase);
        await ShellAsync(dumpCommand);
        Assert.True(File.Exists(dump));

        using var target = new SalonApiFactory();
        SalonApiFactory.CreateDatabase(target.PostgresConnectionString!);
        var restore = await RunAsync(RestoreVerb.Name, target.PostgresConnectionString!, "--from", dump);
        Assert.Equal(3, restore.Exit);
        await ShellAsync(CommandLine(restore.Output, "pg_restore "));

        var restoredClient = target.CreateClient();
        var signedIn = await restoredClient.RefreshAsync(member);
        Assert.Equal("バックアップの確認", (await restoredClient.GetTopicAsync(signedIn, topic)).GetProperty("title").GetString());
    }

    private static List<RecurringJobDto> Register(SalonApiFactory factory)
    {
        var registrar = factory.Services.GetServices<IRecurringJobRegistrar>().OfType<BackupRecurringJobs>().Single();
        registrar.Register(factory.Services.GetRequiredService<IRecurringJobManager>());
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs();
    }

    private static Task<(int Exit, string Output, string Error)> BackupAsync(string live, string file) =>
        RunAsync(BackupVerb.Name, live, "--to", file);

    private static Task<(int Exit, string Output, string Error)> RestoreAsync(string live, string file) =>
        RunAsync(RestoreVerb.Name, live, "--from", file);

    /// <summary>Runs a verb in-process on a SQLite file or, for a connection string, a PostgreSQL database.</summary>
    private static async Task<(int Exit, string Output, string Error)> RunAsync(string verb, string database, params string[] options)
    {
        var configuration = database.Contains("Host=", StringComparison.Ordinal)
            ? new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["Database:ConnectionString"] = database,
            }).Build()
            : MoveToPostgresTests.Configuration(database);
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args = [verb, .. options];
        var exit = verb == BackupVerb.Name
            ? await BackupVerb.RunAsync(configuration, args, output, error, CancellationToken.None)
            : await RestoreVerb.RunAsync(configuration, args, output, error, TimeProvider.System, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }

    private static string CommandLine(string output, string program) =>
        output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(program, StringComparison.Ordinal));

    /// <summary>Runs a printed command in a POSIX shell, with the test server's binaries first on the PATH.</summary>
    private static async Task ShellAsync(string command)
    {
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        if (Environment.GetEnvironmentVariable("PG_TEMP_BIN") is { Length: > 0 } bin)
        {
            start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        }

        if (new NpgsqlConnectionStringBuilder(SalonApiFactory.PostgresServer).Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{command}: {await error}");
    }
}
