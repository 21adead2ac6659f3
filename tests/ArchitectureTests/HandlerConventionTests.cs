using Salon.ArchitectureTests.Rules;

namespace Salon.ArchitectureTests;

public class HandlerConventionTests
{
    private static readonly Messages Messages = Messages.Salon;

    [Fact]
    public void Handlers_are_public_and_sealed()
    {
        Verdict.SelectionIsNotEmpty(Messages.CommandHandlers, "command handlers (classes implementing Mediator.ICommandHandler)");
        Verdict.SelectionIsNotEmpty(Messages.QueryHandlers, "query handlers (classes implementing Mediator.IQueryHandler)");
        Verdict.Holds("Handlers must be public top-level sealed classes:", MessageRules.HandlersArePublicAndSealed(Messages));
    }

    [Fact]
    public void Handlers_are_named_after_the_message_they_handle()
    {
        Verdict.SelectionIsNotEmpty(Messages.CommandHandlers, "command handlers");
        Verdict.SelectionIsNotEmpty(Messages.QueryHandlers, "query handlers");
        Verdict.Holds("Handler names must say what they handle:", MessageRules.HandlerNames(Messages));
    }
}
