using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Salon.Application.Common;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>The job-duration metric, through a real in-process job server.
/// <para>Alone (<see cref="AloneCollection"/>), as <see cref="TwoInstancesTests"/> and <see cref="StartupTests"/>: Hangfire keeps
/// one process-wide log provider, bound to the logger factory of the host that configured it last; beside the parallel
/// suite a test that started and stopped a host of its own left it on a disposed factory and this server's workers ran
/// nothing within 30 s (CI, 2026-12-07; it was part of <see cref="TelemetryTests"/> then).</para></summary>
[Collection(AloneCollection.Name)]
public sealed class JobTelemetryTests
{
    /// <summary>Through a real job server, with jobs of this test's own (one that finishes, one that throws): what
    /// is measured is the filter, not a job that could fail for its own reasons on a loaded machine (a moderation sweep
    /// did, once, in CI on PostgreSQL).</summary>
    [Fact]
    public async Task Every_background_job_run_records_its_duration_by_job_name_and_outcome()
    {
        using var durations = new MetricCollector<double>(null, SalonMetrics.MeterName, "salon.jobs.duration");
        using var factory = new SalonApiFactory();
        factory.Settings["Jobs:ServerEnabled"] = "true";
        factory.Settings["Jobs:OutboxCron"] = "0 0 1 1 *";
        _ = factory.Services;

        var jobs = factory.Services.GetRequiredService<IBackgroundJobClient>();
        jobs.Enqueue<ProbeJob>(j => j.Finish());
        jobs.Enqueue<ProbeJob>(j => j.Throw());

        IReadOnlyList<CollectedMeasurement<double>> Probes() =>
            durations.GetMeasurementSnapshot().Where(m => m.Tags["job"] as string == nameof(ProbeJob)).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Probes().Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var runs = Probes();
        Assert.Equal(["failed", "succeeded"], runs.Select(m => (string)m.Tags["outcome"]!).Order());
        Assert.All(runs, m => Assert.True(m.Value >= 0));
    }

    /// <summary>A job of the test's own, activated by the job server like any module's job.</summary>
    public sealed class ProbeJob
    {
        public void Finish()
        {
        }

        public void Throw() => throw new InvalidOperationException("the probe job fails on purpose");
    }
}
