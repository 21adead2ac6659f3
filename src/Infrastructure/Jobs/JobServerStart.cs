namespace Salon.Infrastructure.Jobs;

/// <summary>Says when the instance first answered ready; the deferred job server starts then.</summary>
public sealed class JobServerStart
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    public void AnsweredReady() => _ready.TrySetResult();
}
