using System.Diagnostics.Metrics;

namespace Salon.Application.Common;

/// <summary>Salon's own metrics (meter "Salon"). Counts and durations only: never ids, e-mails or text,
/// and tags only from small fixed sets (post kind, report reason, job name).
/// Gauges that read the database (moderation queue, outbox backlog) live with their module in
/// Infrastructure and use the same meter name.</summary>
public static class SalonMetrics
{
    public const string MeterName = "Salon";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> CleanedUp = Meter.CreateCounter<long>("salon.cleanup.removed", description: "Rows removed by the daily clean-up, by kind.");

    private static readonly Counter<long> Registrations = Meter.CreateCounter<long>("salon.members.registered", description: "Members registered (counted when the address is confirmed).");

    private static readonly Counter<long> Topics = Meter.CreateCounter<long>("salon.topics.created", description: "Consultations posted.");

    private static readonly Counter<long> Replies = Meter.CreateCounter<long>("salon.replies.created", description: "Replies posted.");

    private static readonly Counter<long> CrisisFlags = Meter.CreateCounter<long>("salon.posts.crisis_flagged", description: "Posts whose text looked like a crisis (support shown to the author), by post kind.");

    private static readonly Counter<long> Reports = Meter.CreateCounter<long>("salon.reports.filed", description: "Reports filed by members, by reason.");

    private static readonly Counter<long> Digests = Meter.CreateCounter<long>("salon.digests.sent", description: "Digest e-mails queued for sending.");

    private static readonly Histogram<double> JobDurations = Meter.CreateHistogram<double>("salon.jobs.duration", unit: "s", description: "How long background jobs ran, by job and outcome.");

    public static void RecordCleanup(string kind, long count) =>
        CleanedUp.Add(count, new KeyValuePair<string, object?>("kind", kind));

    public static void MemberRegistered() => Registrations.Add(1);

    public static void TopicCreated() => Topics.Add(1);

    public static void ReplyCreated() => Replies.Add(1);

    /// <summary><paramref name="postKind"/> is "topic" or "reply".</summary>
    public static void CrisisFlagged(string postKind) => CrisisFlags.Add(1, new KeyValuePair<string, object?>("post_kind", postKind));

    /// <summary><paramref name="reason"/> is one of the fixed report reasons.</summary>
    public static void ReportFiled(string reason) => Reports.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>For the digest job: call once per run with the number of digests it queued.</summary>
    public static void DigestsSent(long count)
    {
        if (count > 0)
        {
            Digests.Add(count);
        }
    }

    /// <summary><paramref name="job"/> is the job's class name; <paramref name="succeeded"/> its outcome.</summary>
    public static void JobRan(string job, TimeSpan duration, bool succeeded) => JobDurations.Record(
        duration.TotalSeconds,
        new KeyValuePair<string, object?>("job", job),
        new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));
}
