namespace Salon.Infrastructure.Alpha;

/// <summary>Planted (jobs live in a Jobs folder): a job outside Salon.Infrastructure.{Module}.Jobs.</summary>
public sealed class LooseJob
{
    public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
