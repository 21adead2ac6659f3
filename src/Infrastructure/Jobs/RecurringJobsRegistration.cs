using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Salon.Infrastructure.Jobs;

/// <summary>Registers every module's recurring jobs at start-up through <see cref="IRecurringJobManager"/>
/// (never the static facades). Registering is idempotent: ids are stable.</summary>
public sealed class RecurringJobsRegistration(IRecurringJobManager recurringJobs, IEnumerable<IRecurringJobRegistrar> registrars) : IHostedService
{
    public static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var registrar in registrars)
        {
            registrar.Register(recurringJobs);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
