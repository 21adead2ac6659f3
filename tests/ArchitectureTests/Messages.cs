using Mediator;
using static Salon.ArchitectureTests.SalonArchitecture;

namespace Salon.ArchitectureTests;

/// <summary>The CQRS messages and their handlers of a codebase, found by the Mediator interfaces they implement.</summary>
internal sealed class Messages(Codebase codebase)
{
    public static readonly Messages Salon = new(Codebase.Salon);

    public Codebase Codebase => codebase;

    /// <summary>ICommand is ICommand&lt;Unit&gt;, so this covers both.</summary>
    public IReadOnlyList<Type> Commands =>
        codebase.AllTypes.Where(t => !t.IsInterface && !IsGenerated(t) && t.Implements(typeof(ICommand<>))).ToArray();

    public IReadOnlyList<Type> Queries =>
        codebase.AllTypes.Where(t => !t.IsInterface && !IsGenerated(t) && t.Implements(typeof(IQuery<>))).ToArray();

    /// <summary>Domain events, by the IDomainEvent interface of the shared kernel.</summary>
    public IReadOnlyList<Type> DomainEvents =>
        codebase.AllTypes.Where(t => !t.IsInterface && !IsGenerated(t) && typeof(global::Salon.Domain.Common.IDomainEvent).IsAssignableFrom(t)).ToArray();

    /// <summary>ICommandHandler&lt;T&gt; extends ICommandHandler&lt;T, Unit&gt;, so this covers both.</summary>
    public IReadOnlyList<Type> CommandHandlers =>
        codebase.AllTypes.Where(t => t.IsClass && !IsGenerated(t) && t.Implements(typeof(ICommandHandler<,>))).ToArray();

    public IReadOnlyList<Type> QueryHandlers =>
        codebase.AllTypes.Where(t => t.IsClass && !IsGenerated(t) && t.Implements(typeof(IQueryHandler<,>))).ToArray();

    /// <summary>The messages a handler handles (the first generic argument of each handler interface).</summary>
    public static IEnumerable<Type> HandledBy(Type handler) =>
        handler.ClosedInterfaces(typeof(ICommandHandler<,>))
            .Concat(handler.ClosedInterfaces(typeof(IQueryHandler<,>)))
            .Select(i => i.GetGenericArguments()[0])
            .Distinct();

    public IEnumerable<Type> HandlersOf(Type message) =>
        CommandHandlers.Concat(QueryHandlers).Where(h => HandledBy(h).Contains(message));
}
