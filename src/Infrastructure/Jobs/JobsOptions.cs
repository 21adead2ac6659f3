namespace Salon.Infrastructure.Jobs;

/// <summary>Settings under <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Whether this process runs a Hangfire server. Test hosts turn it off and call commands directly.</summary>
    public bool ServerEnabled { get; set; } = true;

    public int WorkerCount { get; set; } = 2;

    /// <summary>The server starts and the recurring jobs are registered in the background when the instance first
    /// answers ready, so that neither delays readiness, or at the latest this long after the host has started (when
    /// nothing asks for readiness). Jobs enqueued meanwhile wait in the storage (docs/adr/0030).</summary>
    public double ServerStartDelaySeconds { get; set; } = 10;

    /// <summary>How often each server looks for due recurring and delayed jobs. With several instances, each
    /// polls, and the shared storage's lock makes sure one of them runs each occurrence.</summary>
    public int SchedulePollSeconds { get; set; } = 15;

    /// <summary>Cron for the outbox safety-net run (UTC).</summary>
    public string OutboxCron { get; set; } = "* * * * *";
}
