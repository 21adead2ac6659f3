namespace Salon.Domain.Common;

/// <summary>Base for entities that raise domain events. Events are collected here and dispatched
/// by the persistence layer inside SaveChanges, before commit, so their effects commit atomically.</summary>
public abstract class Entity
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public Guid Id { get; protected set; }

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();
}
