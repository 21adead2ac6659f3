namespace Salon.Infrastructure.Alpha.Jobs;

/// <summary>A job where jobs live: not reported.</summary>
public sealed class AlphaCleanupJob
{
    public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
