using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Salon.Infrastructure.Persistence;

/// <summary>Not ready while migrations are pending (an instance must not serve an older schema). Once none is pending
/// (found here or by start-up initialisation) none can become pending again in this process, so later checks answer
/// without asking EF Core, whose answer scans the assembly for migrations and reads the history table each time
/// (docs/adr/0030).</summary>
public sealed class PendingMigrationsHealthCheck(SalonDbContext db, MigrationsState state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.UpToDate)
        {
            return HealthCheckResult.Healthy();
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending == 0)
        {
            state.UpToDate = true;
            return HealthCheckResult.Healthy();
        }

        return HealthCheckResult.Unhealthy($"{pending} migration(s) pending.");
    }
}
