using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Salon.Application.Common;
using Salon.Infrastructure.Moderation.Jobs;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>What keeps the start-up short (docs/adr/0030): a SQLite instance loads neither EF Core's PostgreSQL provider
/// nor Hangfire's PostgreSQL storage, nor the OpenAPI or OTLP assemblies, and the background job server starts once the instance has answered ready, not before.
/// <para>Alone (<see cref="AloneCollection"/>), as <see cref="TwoInstancesTests"/>: it runs an in-process job server. Beside
/// the parallel suite it failed once in CI (the job did not run within 30 s) and it passes alone; the likely cause is
/// the one <see cref="TwoInstancesTests"/> describes, Hangfire's process-wide log provider left on another test's
/// disposed logger factory.</para></summary>
[Collection(AloneCollection.Name)]
public sealed class StartupTests
{
    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task A_sqlite_instance_without_api_docs_or_telemetry_loads_none_of_their_assemblies()
    {
        using var salon = await SalonProcess.StartServerAsync(new Dictionary<string, string?>
        {
            ["Api__Docs__Enabled"] = "false",
            ["Jobs__ServerEnabled"] = "true",
        });
        // An API request too, not only readiness (routing, authentication, ProblemDetails).
        using var http = new HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri(salon.Address, "/api/boards"))).StatusCode);

        var mapped = File.ReadAllLines($"/proc/{salon.Process.Id}/maps")
            .Select(line => Path.GetFileName(line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Last()))
            .Where(file => file.EndsWith(".dll", StringComparison.Ordinal))
            .ToHashSet();

        // Npgsql.dll itself is not in the list: EF Core's search for migrations loads every type of the Infrastructure
        // assembly, and in a Debug build (as here) some of them need Npgsql to load; the ReadyToRun publish does not
        // load it (docs/performance-startup.md).
        Assert.Contains("Microsoft.Data.Sqlite.dll", mapped);
        foreach (var unused in new[]
        {
            "Npgsql.EntityFrameworkCore.PostgreSQL.dll", "Hangfire.PostgreSql.dll",
            "Microsoft.AspNetCore.OpenApi.dll", "Microsoft.OpenApi.dll", "OpenTelemetry.Exporter.OpenTelemetryProtocol.dll",
        })
        {
            Assert.DoesNotContain(unused, mapped);
        }
    }

    [Fact]
    public async Task The_job_server_starts_when_the_instance_first_answers_ready()
    {
        using var durations = new MetricCollector<double>(null, SalonMetrics.MeterName, "salon.jobs.duration");
        using var factory = new SalonApiFactory();
        factory.Settings["Jobs:ServerEnabled"] = "true";
        factory.Settings["Jobs:ServerStartDelaySeconds"] = "600";
        factory.Settings["Jobs:OutboxCron"] = "0 0 1 1 *";
        _ = factory.Services;
        factory.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ModerationSweepJob>(j => j.RunAsync(CancellationToken.None));

        // Enqueued, but no server yet: nothing runs.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(durations.GetMeasurementSnapshot());
        Assert.Empty(factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers());

        using var client = factory.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!durations.GetMeasurementSnapshot().Any(m => m.Tags["job"] as string == nameof(ModerationSweepJob)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Contains(durations.GetMeasurementSnapshot(), m => m.Tags["job"] as string == nameof(ModerationSweepJob));
    }
}
