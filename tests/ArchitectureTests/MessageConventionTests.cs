using System.Reflection;
using System.Runtime.CompilerServices;
using FluentValidation;
using static Salon.ArchitectureTests.SalonArchitecture;

namespace Salon.ArchitectureTests;

public class MessageConventionTests
{
    [Fact]
    public void Commands_and_queries_are_named_Command_and_Query()
    {
        Verdict.SelectionIsNotEmpty(Messages.Commands, "commands (types implementing Mediator.ICommand)");
        Verdict.SelectionIsNotEmpty(Messages.Queries, "queries (types implementing Mediator.IQuery)");

        Verdict.Holds(
            "Message names must end with Command or Query according to the Mediator interface they implement:",
            Messages.Commands.Where(c => !c.Name.EndsWith("Command", StringComparison.Ordinal)).Select(c => $"{c.FullName} implements ICommand but is not named …Command")
                .Concat(Messages.Queries.Where(q => !q.Name.EndsWith("Query", StringComparison.Ordinal)).Select(q => $"{q.FullName} implements IQuery but is not named …Query")));
    }

    [Fact]
    public void Every_command_has_exactly_one_validator_named_after_it_in_its_folder()
    {
        var commands = Messages.Commands;
        Verdict.SelectionIsNotEmpty(commands, "commands (types implementing Mediator.ICommand)");
        var validators = AllTypes.Where(t => t.IsConcreteClass()).Select(t => (Type: t, Validates: ValidatedType(t))).Where(v => v.Validates is not null).ToList();
        Verdict.SelectionIsNotEmpty(validators, "FluentValidation validators");

        var violations = new List<string>();
        foreach (var command in commands)
        {
            var mine = validators.Where(v => v.Validates == command).Select(v => v.Type).ToList();
            if (mine.Count != 1)
            {
                violations.Add($"{command.FullName} has {mine.Count} AbstractValidator<{command.Name}> ({string.Join(", ", mine.Select(v => v.FullName))}); expected exactly one");
                continue;
            }

            var validator = mine[0];
            if (validator.Name != command.Name + "Validator")
            {
                violations.Add($"{validator.FullName} validates {command.Name} and should be named {command.Name}Validator");
            }

            if (validator.Assembly != ApplicationAssembly || validator.Namespace != command.Namespace)
            {
                violations.Add($"{validator.FullName} must live in Salon.Application next to its command, in {command.Namespace}");
            }

            // AddValidatorsFromAssembly(includeInternalTypes: false) would silently skip a non-public validator.
            if (!validator.IsPublic)
            {
                violations.Add($"{validator.FullName} is not public, so it is never registered and never runs");
            }
        }

        Verdict.Holds("Every command is validated by exactly one {Command}Validator next to it:", violations);
    }

    [Fact]
    public void Commands_queries_and_domain_events_are_immutable()
    {
        Verdict.SelectionIsNotEmpty(Messages.Commands, "commands");
        Verdict.SelectionIsNotEmpty(Messages.Queries, "queries");
        Verdict.SelectionIsNotEmpty(Messages.DomainEvents, "domain events (Salon.Domain.Common.IDomainEvent implementations)");

        var violations = Messages.Commands.Concat(Messages.Queries).Concat(Messages.DomainEvents)
            .Distinct()
            .SelectMany(MutableMembers);

        Verdict.Holds(
            "Commands, queries and domain events must be immutable: no non-private property setter other than init, no non-private writable field:",
            violations);
    }

    [Fact]
    public void Every_command_and_query_lives_in_its_own_use_case_folder_with_its_handler()
    {
        var messages = Messages.Commands.Concat(Messages.Queries).Distinct().ToList();
        Verdict.SelectionIsNotEmpty(messages, "commands and queries");

        var violations = new List<string>();
        foreach (var message in messages)
        {
            var segments = (message.Namespace ?? string.Empty).Split('.');
            var isUseCaseFolder = segments.Length == 4
                && segments[0] == "Salon"
                && segments[1] == "Application"
                && ModuleOf(message.Namespace) == segments[2];
            if (!isUseCaseFolder)
            {
                violations.Add($"{message.FullName} must be in a namespace Salon.Application.{{Module}}.{{UseCase}}");
            }

            var handlers = Messages.HandlersOf(message).ToList();
            if (handlers.Count != 1)
            {
                violations.Add($"{message.FullName} has {handlers.Count} handlers ({string.Join(", ", handlers.Select(h => h.FullName))}); expected exactly one");
            }

            violations.AddRange(handlers
                .Where(h => h.Namespace != message.Namespace)
                .Select(h => $"{h.FullName} handles {message.Name} but is not in its use-case folder {message.Namespace}"));
        }

        violations.AddRange(messages
            .GroupBy(m => m.Namespace)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} holds several use cases ({string.Join(", ", g.Select(m => m.Name).Order(StringComparer.Ordinal))}); give each its own folder"));

        Verdict.Holds("One folder per use case, holding its message and handler:", violations);
    }

    private static Type? ValidatedType(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return current.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static IEnumerable<string> MutableMembers(Type type)
    {
        const BindingFlags declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var property in current.GetProperties(declared))
            {
                var setter = property.SetMethod;
                if (setter is not null && !setter.IsPrivate && !IsInitOnly(setter))
                {
                    yield return $"{type.FullName}.{property.Name} has a {Visibility(setter)} setter";
                }
            }

            foreach (var field in current.GetFields(declared))
            {
                if (!field.IsPrivate && !field.IsInitOnly && !field.IsLiteral)
                {
                    yield return $"{type.FullName}.{field.Name} is a writable {(field.IsPublic ? "public" : "non-private")} field";
                }
            }
        }
    }

    /// <summary>An init accessor is a setter whose return carries modreq(IsExternalInit).</summary>
    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == typeof(IsExternalInit).FullName);

    private static string Visibility(MethodBase method) => method switch
    {
        { IsPublic: true } => "public",
        { IsFamily: true } => "protected",
        { IsAssembly: true } => "internal",
        { IsFamilyOrAssembly: true } => "protected internal",
        { IsFamilyAndAssembly: true } => "private protected",
        _ => "non-private",
    };
}
