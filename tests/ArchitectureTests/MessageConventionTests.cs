using Salon.ArchitectureTests.Rules;

namespace Salon.ArchitectureTests;

public class MessageConventionTests
{
    private static readonly Messages Messages = Messages.Salon;

    [Fact]
    public void Commands_and_queries_are_named_Command_and_Query()
    {
        Verdict.SelectionIsNotEmpty(Messages.Commands, "commands (types implementing Mediator.ICommand)");
        Verdict.SelectionIsNotEmpty(Messages.Queries, "queries (types implementing Mediator.IQuery)");
        Verdict.Holds("Message names must end with Command or Query according to the Mediator interface they implement:", MessageRules.MessageNames(Messages));
    }

    [Fact]
    public void Every_command_has_exactly_one_validator_named_after_it_in_its_folder()
    {
        Verdict.SelectionIsNotEmpty(Messages.Commands, "commands (types implementing Mediator.ICommand)");
        Verdict.SelectionIsNotEmpty(MessageRules.Validators(Codebase.Salon), "FluentValidation validators");
        Verdict.Holds("Every command is validated by exactly one {Command}Validator next to it:", MessageRules.EveryCommandHasOneValidatorNextToIt(Messages));
    }

    [Fact]
    public void Validators_take_nothing_in_their_constructor_they_are_singletons()
    {
        Verdict.SelectionIsNotEmpty(MessageRules.Validators(Codebase.Salon), "FluentValidation validators");
        Verdict.Holds("A validator is a singleton (ApplicationServices), so its constructor takes no service:", MessageRules.ValidatorsTakeNothing(Codebase.Salon));
        Verdict.Holds("A validator is a singleton, so its messages are lambdas, chosen in each request's language:", SourceRules.ValidationMessagesAreLambdas(Codebase.Salon.Source));
    }

    [Fact]
    public void Commands_queries_and_domain_events_are_immutable()
    {
        Verdict.SelectionIsNotEmpty(Messages.Commands, "commands");
        Verdict.SelectionIsNotEmpty(Messages.Queries, "queries");
        Verdict.SelectionIsNotEmpty(Messages.DomainEvents, "domain events (Salon.Domain.Common.IDomainEvent implementations)");
        Verdict.Holds(
            "Commands, queries and domain events must be immutable: no non-private property setter other than init, no non-private writable field:",
            MessageRules.MessagesAreImmutable(Messages));
    }

    [Fact]
    public void Every_command_and_query_lives_in_its_own_use_case_folder_with_its_handler()
    {
        Verdict.SelectionIsNotEmpty(Messages.Commands.Concat(Messages.Queries), "commands and queries");
        Verdict.Holds("One folder per use case, holding its message and handler:", MessageRules.OneFolderPerUseCase(Messages));
    }
}
