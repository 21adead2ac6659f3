using Hangfire;
using Salon.Infrastructure.Persistence;

namespace Salon.Infrastructure.Jobs;

/// <summary>Enqueues an outbox run right after a commit that wrote e-mail. The recurring run is the
/// safety net; running both is harmless because sending claims each row.</summary>
public sealed class HangfireOutboxSignal(IBackgroundJobClient jobs) : IOutboxSignal
{
    public void OutboxWritten() => jobs.Enqueue<SendOutboxEmailJob>(job => job.RunAsync(CancellationToken.None));
}
