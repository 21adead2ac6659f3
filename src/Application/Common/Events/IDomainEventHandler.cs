using Salon.Domain.Common;

namespace Salon.Application.Common.Events;

/// <summary>Reacts to a domain event inside the SaveChanges that commits it: whatever the handler adds
/// or changes through its module's port commits atomically with the event's cause. Handlers must not
/// call SaveChanges themselves.</summary>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
