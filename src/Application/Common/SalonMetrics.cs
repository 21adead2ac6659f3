using System.Diagnostics.Metrics;

namespace Salon.Application.Common;

/// <summary>Salon's own metrics (meter "Salon"). Counts only: never ids or text.</summary>
public static class SalonMetrics
{
    public const string MeterName = "Salon";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> CleanedUp = Meter.CreateCounter<long>("salon.cleanup.removed", description: "Rows removed by the daily clean-up, by kind.");

    /// <summary>Digest e-mails queued by the digest run.</summary>
    public static readonly Counter<long> DigestsSent = Meter.CreateCounter<long>("salon.digests.sent", description: "Digest e-mails queued.");

    public static void RecordCleanup(string kind, long count) =>
        CleanedUp.Add(count, new KeyValuePair<string, object?>("kind", kind));
}
