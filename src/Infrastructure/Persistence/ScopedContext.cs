using Microsoft.EntityFrameworkCore;

namespace Salon.Infrastructure.Persistence;

/// <summary>One request's or job's lease of a pooled context (docs/adr/0032): taken when the scope first needs the
/// database, bound to the scope's event dispatcher, and given back exactly once when the scope ends. The scope also
/// disposes the context itself, once per module port it was resolved as; those disposals do nothing while it is
/// leased (<see cref="SalonDbContext.ForScope"/>).</summary>
internal sealed class ScopedContext<TContext>(IDbContextFactory<TContext> pool, IDomainEventDispatcher dispatcher, IOutboxSignal? outboxSignal = null)
    : IAsyncDisposable, IDisposable
    where TContext : SalonDbContext
{
    public SalonDbContext Context { get; } = pool.CreateDbContext().ForScope(dispatcher, outboxSignal);

    public ValueTask DisposeAsync() => Context.ReturnToPoolAsync();

    public void Dispose() => Context.ReturnToPool();
}
