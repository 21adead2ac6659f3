using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Salon.Infrastructure;

/// <summary>Ready only when Hangfire's storage answers.</summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = storage.GetMonitoringApi().Servers();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage is not reachable.", ex));
        }
    }
}
