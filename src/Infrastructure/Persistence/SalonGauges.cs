using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Salon.Application.Common;
using Salon.Domain.Moderation;
using Salon.Domain.Notifications;

namespace Salon.Infrastructure.Persistence;

/// <summary>Gauges read from the database when a metrics reader collects (once per export interval, a
/// minute by default): the open moderation queue, the age of its oldest item, and the e-mail outbox
/// backlog. Each is one indexed COUNT or MIN. Like the readiness checks, they read the shared context.</summary>
public sealed class SalonGauges(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider time, ILogger<SalonGauges> logger) : IHostedService
{
    private Meter? _meter;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _meter = meters.Create(SalonMetrics.MeterName);
        _meter.CreateObservableGauge("salon.moderation.queue.size", () => Read(db => db.ModerationItems.LongCount(i => i.Status == ModerationItemStatus.Open)), description: "Open moderation items.");
        _meter.CreateObservableGauge("salon.moderation.queue.oldest_age", () => Read(OldestOpenSeconds), unit: "s", description: "How long the oldest open moderation item has waited (0 when the queue is empty).");
        _meter.CreateObservableGauge("salon.outbox.backlog", () => Read(db => db.OutboxEmails.LongCount(e => e.Status == OutboxEmailStatus.Pending)), description: "E-mails waiting in the outbox.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private double OldestOpenSeconds(SalonDbContext db)
    {
        var oldest = db.ModerationItems.Where(i => i.Status == ModerationItemStatus.Open).Min(i => (DateTime?)i.CreatedAt);
        return oldest is null ? 0 : Math.Max(0, (time.GetUtcNow().UtcDateTime - oldest.Value).TotalSeconds);
    }

    /// <summary>No measurement rather than a failed export when the database does not answer.</summary>
    private IEnumerable<Measurement<T>> Read<T>(Func<SalonDbContext, T> read)
        where T : struct
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SalonDbContext>();
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            return [new Measurement<T>(read(db))];
        }
        catch (Exception ex) when (ex is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or DbUpdateException)
        {
            logger.LogWarning(ex, "Could not read a gauge from the database");
            return [];
        }
    }
}
