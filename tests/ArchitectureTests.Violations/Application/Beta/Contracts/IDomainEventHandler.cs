namespace Salon.Application.Beta.Contracts;

/// <summary>Stands in for the shared IDomainEventHandler: the placement rule goes by the interface's name.</summary>
public interface IDomainEventHandler<in TEvent>
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
