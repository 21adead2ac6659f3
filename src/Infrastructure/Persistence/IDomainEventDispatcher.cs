using Salon.Domain.Common;

namespace Salon.Infrastructure.Persistence;

public interface IDomainEventDispatcher
{
    Task DispatchAsync(IDomainEvent domainEvent, CancellationToken cancellationToken);
}
