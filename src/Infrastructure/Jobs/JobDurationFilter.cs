using System.Diagnostics;
using Hangfire.Server;
using Salon.Application.Common;

namespace Salon.Infrastructure.Jobs;

/// <summary>Records every background job's duration and outcome (salon.jobs.duration), tagged with the
/// job class only: never its arguments. Registered per host (not in Hangfire's static global filters).</summary>
public sealed class JobDurationFilter : IServerFilter
{
    private const string StartedKey = "salon.started";

    public void OnPerforming(PerformingContext context) => context.Items[StartedKey] = Stopwatch.GetTimestamp();

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(StartedKey, out var started) && started is long timestamp)
        {
            SalonMetrics.JobRan(context.BackgroundJob.Job.Type.Name, Stopwatch.GetElapsedTime(timestamp), context.Exception is null || context.ExceptionHandled);
        }
    }
}
