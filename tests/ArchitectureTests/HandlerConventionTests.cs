namespace Salon.ArchitectureTests;

public class HandlerConventionTests
{
    [Fact]
    public void Handlers_are_public_and_sealed()
    {
        var handlers = Messages.CommandHandlers.Concat(Messages.QueryHandlers).Distinct().ToList();
        Verdict.SelectionIsNotEmpty(Messages.CommandHandlers, "command handlers (classes implementing Mediator.ICommandHandler)");
        Verdict.SelectionIsNotEmpty(Messages.QueryHandlers, "query handlers (classes implementing Mediator.IQueryHandler)");

        // Public: the Mediator source generator cannot see internal handlers. Sealed: nothing inherits a use case.
        Verdict.Holds(
            "Handlers must be public top-level sealed classes:",
            handlers.Where(h => !h.IsPublic || !h.IsSealed)
                .Select(h => $"{h.FullName} ({(h.IsPublic ? "public" : "not public")}, {(h.IsSealed ? "sealed" : "not sealed")})"));
    }

    [Fact]
    public void Handlers_are_named_after_the_message_they_handle()
    {
        Verdict.SelectionIsNotEmpty(Messages.CommandHandlers, "command handlers");
        Verdict.SelectionIsNotEmpty(Messages.QueryHandlers, "query handlers");

        var violations = new List<string>();
        violations.AddRange(Messages.CommandHandlers
            .Where(h => !h.Name.EndsWith("CommandHandler", StringComparison.Ordinal))
            .Select(h => $"{h.FullName} handles a command but is not named …CommandHandler"));
        violations.AddRange(Messages.QueryHandlers
            .Where(h => !h.Name.EndsWith("QueryHandler", StringComparison.Ordinal))
            .Select(h => $"{h.FullName} handles a query but is not named …QueryHandler"));
        violations.AddRange(Messages.CommandHandlers.Concat(Messages.QueryHandlers)
            .SelectMany(h => Messages.HandledBy(h).Select(m => (Handler: h, Message: m)))
            .Where(x => x.Handler.Name != x.Message.Name + "Handler")
            .Select(x => $"{x.Handler.FullName} handles {x.Message.Name} and should be named {x.Message.Name}Handler"));

        Verdict.Holds("Handler names must say what they handle:", violations);
    }
}
