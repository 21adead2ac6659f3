namespace Salon.WebApi.Common;

/// <summary>Calls <see cref="NativeHeap.Trim"/> every <see cref="NativeHeap.TrimInterval"/> (registered on glibc only).</summary>
internal sealed class NativeHeapTrimmer : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(NativeHeap.TrimInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            _ = NativeHeap.Trim();
        }
    }
}
