using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>Scale-out on PostgreSQL: two API instances (two hosts, each with its own Hangfire server) on one
/// database. Tokens, writes and recurring jobs are shared through the database, not the process.
/// <para>Alone (<see cref="AloneCollection"/>): Hangfire keeps process-wide defaults that each host sets as it configures
/// it, and that a job server started later reads: the job storage and the job activator (whose container runs the jobs).
/// Beside the parallel suite, these instances' servers could take another test's database or container. The log
/// provider, once bound to a disposed host's factory so that both instances' workers failed on every fetch (CI,
/// 2026-12-06), now logs to a live host (<c>LiveHostsLogProvider</c>). In production one process is one host.</para></summary>
[Collection(AloneCollection.Name)]
public sealed class TwoInstancesTests
{
    [PostgresFact]
    [Trait("Provider", "Postgres")]
    public async Task A_token_from_one_instance_works_on_the_other_and_writes_through_both_are_visible_on_both()
    {
        var directory = Path.Combine(Path.GetTempPath(), "salon-tests", Guid.NewGuid().ToString("N"));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var a = new SalonApiFactory { Directory = directory, KeepDirectory = true, Clock = clock };
        using var b = new SalonApiFactory { Directory = directory, Clock = clock };

        // Both start at once on a new database: one migrates and seeds, the other waits and finds it done.
        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));
        var clientA = a.CreateClient();
        var clientB = b.CreateClient();

        // Signed up and signed in on A; B reads A's access token (data-protection keys in the database) and
        // rotates A's refresh token (sessions in the database).
        var member = await a.SignUpAsync(clientA);
        var other = await b.SignUpAsync(clientB);
        await (await clientB.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.OK);
        await (await clientA.SendAsAsync(other, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.OK);
        var spent = member.Tokens.RefreshToken;
        var refreshed = await clientB.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = spent });
        await refreshed.ShouldBe(HttpStatusCode.OK);
        member = member with { Tokens = (await refreshed.Content.ReadFromJsonAsync<Tokens>())! };
        await (await clientA.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.OK);

        // A topic through A, replies through both, reactions through both: each instance sees all of it.
        var topic = await clientA.CreateTopicAsync(member, title: "二つのインスタンス");
        var replyB = await clientB.ReplyAsync(other, topic);
        var replyA = await clientA.ReplyAsync(member, topic, "ありがとうございます。");
        await (await clientA.SendAsAsync(other, HttpMethod.Put, $"/api/posts/{topic}/reactions/relate")).ShouldBe(HttpStatusCode.OK);
        await (await clientB.SendAsAsync(member, HttpMethod.Put, $"/api/posts/{replyB}/reactions/thanks")).ShouldBe(HttpStatusCode.OK);

        foreach (var client in new[] { clientA, clientB })
        {
            var view = await client.GetTopicAsync(other, topic);
            Assert.Equal(2, view.GetProperty("replyCount").GetInt32());
            Assert.Equal([replyB, replyA], view.GetProperty("replies").Ids());
            Assert.Equal(1, view.GetProperty("reactionCounts").GetProperty("relate").GetInt32());
        }

        // The refresh token B rotated is spent on A too (and reusing it ends that session everywhere: at once
        // on A, and on B once B's record of the session is older than Salon:SessionCacheDuration, ADR 0024).
        await (await clientA.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = spent })).ShouldBe(HttpStatusCode.Unauthorized);
        await (await clientA.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
        clock.Advance(TimeSpan.FromSeconds(5));
        await (await clientB.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [PostgresFact]
    [Trait("Provider", "Postgres")]
    public async Task A_recurring_job_runs_once_per_schedule_across_instances()
    {
        var run = Guid.NewGuid();
        var directory = Path.Combine(Path.GetTempPath(), "salon-tests", Guid.NewGuid().ToString("N"));

        SalonApiFactory Instance(string name, bool keep) => new()
        {
            Directory = directory,
            KeepDirectory = keep,
            Settings =
            {
                ["Jobs:ServerEnabled"] = "true",
                ["Jobs:SchedulePollSeconds"] = "1",
                ["Jobs:WorkerCount"] = "2",
            },
            ConfigureTestServices = services =>
            {
                services.AddSingleton(new ProbeInstance(run, name));
                services.AddTransient<ProbeJob>();
            },
        };

        using var a = Instance("A", keep: true);
        using var b = Instance("B", keep: false);
        _ = a.Services;
        _ = b.Services;

        // One occurrence, a few seconds from now (cron with seconds, UTC). Both instances register it, as
        // they register every recurring job at start-up (same id), and both servers poll every second.
        var due = DateTime.UtcNow.AddSeconds(5);
        var cron = string.Create(CultureInfo.InvariantCulture, $"{due.Second} {due.Minute} {due.Hour} {due.Day} {due.Month} *");
        foreach (var instance in new[] { a, b })
        {
            instance.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ProbeJob>(
                "test-probe", job => job.RunAsync(), cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }

        // Well past the occurrence, and past the next poll of both servers; a loaded CI machine can take its
        // workers a while to pick the enqueued job up (it was enqueued but not yet run after 12 s once).
        var deadline = due.AddSeconds(40);
        while (DateTime.UtcNow < deadline && ProbeJob.Runs(run).Count == 0)
        {
            await Task.Delay(250);
        }

        await Task.Delay(TimeSpan.FromSeconds(4));
        var runs = ProbeJob.Runs(run);
        var problems = string.Join("\n", a.Logs.Entries.Concat(b.Logs.Entries)
            .Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning && e.Category.StartsWith("Hangfire", StringComparison.Ordinal))
            .Select(e => $"{e.Category}: {e.Message} {e.Exception}"));
        using var connection = a.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = connection.GetAllEntriesFromHash("recurring-job:test-probe") ?? new Dictionary<string, string>();
        var servers = a.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers().Count;
        Assert.True(runs.Count == 1, $"{runs.Count} run(s) for one occurrence ({cron}, now {DateTime.UtcNow:O}, {servers} servers, {string.Join(", ", recurring.Select(kv => kv.Key + "=" + kv.Value))}). {problems}");
        Assert.Contains(runs[0], new[] { "A", "B" });
    }

    public sealed record ProbeInstance(Guid Run, string Name);

    /// <summary>Records which instance ran it.</summary>
    public sealed class ProbeJob(ProbeInstance instance)
    {
        private static readonly ConcurrentDictionary<Guid, ConcurrentQueue<string>> RunsByTest = new();

        public static List<string> Runs(Guid run) => RunsByTest.TryGetValue(run, out var runs) ? [.. runs] : [];

        public Task RunAsync()
        {
            RunsByTest.GetOrAdd(instance.Run, _ => new ConcurrentQueue<string>()).Enqueue(instance.Name);
            return Task.CompletedTask;
        }
    }
}

