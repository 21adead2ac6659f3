namespace Salon.Application.Common.Persistence;

/// <summary>A transaction a handler holds open across reads and writes, for decisions that must not race
/// (the last seat of a meeting). Whatever SaveChanges writes inside it commits with it; e-mail it queued is
/// handed to the sender after the commit.</summary>
public interface IDatabaseTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
