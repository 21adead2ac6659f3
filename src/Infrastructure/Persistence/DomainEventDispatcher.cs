using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Common.Events;
using Salon.Domain.Common;

namespace Salon.Infrastructure.Persistence;

/// <summary>Calls every <see cref="IDomainEventHandler{TEvent}"/> registered for an event's type,
/// in the current scope (so handlers share the unit of work of the change that raised it).</summary>
public sealed class DomainEventDispatcher(IServiceProvider services) : IDomainEventDispatcher
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IDomainEvent, CancellationToken, Task>> Invokers = new();

    public Task DispatchAsync(IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        Invokers.GetOrAdd(domainEvent.GetType(), CreateInvoker)(services, domainEvent, cancellationToken);

    private static Func<IServiceProvider, IDomainEvent, CancellationToken, Task> CreateInvoker(Type eventType)
    {
        var method = typeof(DomainEventDispatcher)
            .GetMethod(nameof(InvokeHandlersAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(eventType);
        return (Func<IServiceProvider, IDomainEvent, CancellationToken, Task>)Delegate.CreateDelegate(
            typeof(Func<IServiceProvider, IDomainEvent, CancellationToken, Task>), method);
    }

    private static async Task InvokeHandlersAsync<TEvent>(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync((TEvent)domainEvent, cancellationToken);
        }
    }
}
