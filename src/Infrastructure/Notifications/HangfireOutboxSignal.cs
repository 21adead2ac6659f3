using Hangfire;
using Microsoft.Extensions.Logging;
using Salon.Infrastructure.Notifications.Jobs;
using Salon.Infrastructure.Persistence;

namespace Salon.Infrastructure.Notifications;

/// <summary>Enqueues an outbox run right after a commit that wrote e-mail. The recurring run is the
/// safety net; running both is harmless because sending claims each row. The change is already
/// committed here, so a failure to enqueue must not fail the request: the mail just waits for the
/// next scheduled run.</summary>
public sealed class HangfireOutboxSignal(IBackgroundJobClient jobs, ILogger<HangfireOutboxSignal> logger) : IOutboxSignal
{
    public void OutboxWritten()
    {
        try
        {
            jobs.Enqueue<SendOutboxEmailJob>(job => job.RunAsync(CancellationToken.None));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not enqueue the outbox job; the recurring run will deliver the mail");
        }
    }

    public void AnnouncementNoticesDue()
    {
        try
        {
            jobs.Enqueue<DeliverAnnouncementNoticesJob>(job => job.RunAsync(CancellationToken.None));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not enqueue the announcement notices job; the recurring run will deliver them");
        }
    }
}
