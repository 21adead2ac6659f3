namespace Salon.Application.Common.Persistence;

/// <summary>Implemented by module ports that need explicit transactions.</summary>
public interface IDatabaseTransactions
{
    Task<IDatabaseTransaction> BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in the transaction already open on this unit of work, or else in a new
    /// one that commits when the work returns and rolls back if it throws: what the work writes (a post, its
    /// counters, the notices its events cause) is one change, kept whole or not at all (docs/adr/0018). A save that fails
    /// inside it sets no savepoint to go back to (docs/adr/0047): the work may catch the failure only to throw its own
    /// error, never to carry on with the transaction (PostgreSQL refuses every later statement in it).</summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs the handlers of the domain events raised by the changes staged so far, now, before a transaction
    /// is begun: what they read (followers, preferences, blocks) is then not read while the write lock is held, and
    /// what they stage is saved by the next SaveChanges with the change itself, in its transaction (issue 15).</summary>
    Task HandleStagedEventsAsync(CancellationToken cancellationToken);
}
