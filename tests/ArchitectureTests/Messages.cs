using Mediator;
using Salon.Domain.Common;
using static Salon.ArchitectureTests.SalonArchitecture;

namespace Salon.ArchitectureTests;

/// <summary>The CQRS messages and their handlers, found by the Mediator interfaces they implement.</summary>
internal static class Messages
{
    /// <summary>ICommand is ICommand&lt;Unit&gt;, so this covers both.</summary>
    public static IReadOnlyList<Type> Commands =>
        AllTypes.Where(t => !t.IsInterface && !IsGenerated(t) && t.Implements(typeof(ICommand<>))).ToArray();

    public static IReadOnlyList<Type> Queries =>
        AllTypes.Where(t => !t.IsInterface && !IsGenerated(t) && t.Implements(typeof(IQuery<>))).ToArray();

    public static IReadOnlyList<Type> DomainEvents =>
        AllTypes.Where(t => !t.IsInterface && !IsGenerated(t) && typeof(IDomainEvent).IsAssignableFrom(t)).ToArray();

    /// <summary>ICommandHandler&lt;T&gt; extends ICommandHandler&lt;T, Unit&gt;, so this covers both.</summary>
    public static IReadOnlyList<Type> CommandHandlers =>
        AllTypes.Where(t => t.IsClass && !IsGenerated(t) && t.Implements(typeof(ICommandHandler<,>))).ToArray();

    public static IReadOnlyList<Type> QueryHandlers =>
        AllTypes.Where(t => t.IsClass && !IsGenerated(t) && t.Implements(typeof(IQueryHandler<,>))).ToArray();

    /// <summary>The messages a handler handles (the first generic argument of each handler interface).</summary>
    public static IEnumerable<Type> HandledBy(Type handler) =>
        handler.ClosedInterfaces(typeof(ICommandHandler<,>))
            .Concat(handler.ClosedInterfaces(typeof(IQueryHandler<,>)))
            .Select(i => i.GetGenericArguments()[0])
            .Distinct();

    public static IEnumerable<Type> HandlersOf(Type message) =>
        CommandHandlers.Concat(QueryHandlers).Where(h => HandledBy(h).Contains(message));
}
