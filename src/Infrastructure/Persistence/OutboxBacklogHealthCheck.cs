using Microsoft.Extensions.Diagnostics.HealthChecks;
using Salon.Domain.Notifications;

namespace Salon.Infrastructure.Persistence;

/// <summary>Degraded when e-mail has waited in the outbox for more than 15 minutes (delivery is stuck).</summary>
public sealed class OutboxBacklogHealthCheck(SalonDbContext db, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - MaxWait;
        // Plain SQL: readiness is on the way to ready, where no LINQ query is compiled (docs/adr/0030).
        var stuck = await db.CountAsync(
            "SELECT COUNT(*) FROM \"OutboxEmails\" WHERE \"Status\" = @p0 AND \"CreatedAt\" < @p1",
            cancellationToken, (int)OutboxEmailStatus.Pending, cutoff);
        return stuck == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded($"{stuck} e-mail(s) waiting for more than {MaxWait.TotalMinutes:0} minutes.");
    }
}
