using System.Reflection;
using System.Runtime.CompilerServices;
using FluentValidation;
using static Salon.ArchitectureTests.SalonArchitecture;

namespace Salon.ArchitectureTests.Rules;

/// <summary>Conventions of commands, queries, their handlers and validators.</summary>
internal static class MessageRules
{
    public static IReadOnlyList<string> MessageNames(Messages messages) =>
        messages.Commands.Where(c => !c.Name.EndsWith("Command", StringComparison.Ordinal)).Select(c => $"{c.FullName} implements ICommand but is not named …Command")
            .Concat(messages.Queries.Where(q => !q.Name.EndsWith("Query", StringComparison.Ordinal)).Select(q => $"{q.FullName} implements IQuery but is not named …Query"))
            .ToList();

    /// <summary>Public (the Mediator source generator cannot see internal handlers) and sealed (nothing inherits a use case).</summary>
    public static IReadOnlyList<string> HandlersArePublicAndSealed(Messages messages) =>
        messages.CommandHandlers.Concat(messages.QueryHandlers).Distinct()
            .Where(h => !h.IsPublic || !h.IsSealed)
            .Select(h => $"{h.FullName} ({(h.IsPublic ? "public" : "not public")}, {(h.IsSealed ? "sealed" : "not sealed")})")
            .ToList();

    public static IReadOnlyList<string> HandlerNames(Messages messages)
    {
        var violations = new List<string>();
        violations.AddRange(messages.CommandHandlers
            .Where(h => !h.Name.EndsWith("CommandHandler", StringComparison.Ordinal))
            .Select(h => $"{h.FullName} handles a command but is not named …CommandHandler"));
        violations.AddRange(messages.QueryHandlers
            .Where(h => !h.Name.EndsWith("QueryHandler", StringComparison.Ordinal))
            .Select(h => $"{h.FullName} handles a query but is not named …QueryHandler"));
        violations.AddRange(messages.CommandHandlers.Concat(messages.QueryHandlers)
            .SelectMany(h => Messages.HandledBy(h).Select(m => (Handler: h, Message: m)))
            .Where(x => x.Handler.Name != x.Message.Name + "Handler")
            .Select(x => $"{x.Handler.FullName} handles {x.Message.Name} and should be named {x.Message.Name}Handler"));
        return violations;
    }

    public static IReadOnlyList<(Type Type, Type Validates)> Validators(Codebase codebase) =>
        codebase.AllTypes.Where(t => t.IsConcreteClass()).Select(t => (Type: t, Validates: ValidatedType(t))).Where(v => v.Validates is not null).Select(v => (v.Type, v.Validates!)).ToList();

    /// <summary>Validators are registered as singletons (building one costs a request's worth of expression trees), so
    /// none may take a service: a scoped one would be captured for the process's life.</summary>
    public static IReadOnlyList<string> ValidatorsTakeNothing(Codebase codebase) =>
        Validators(codebase)
            .Where(v => v.Type.GetConstructors().Any(c => c.GetParameters().Length > 0))
            .Select(v => $"{v.Type.FullName} takes {string.Join(", ", v.Type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType.Name))} in its constructor")
            .ToList();

    public static IReadOnlyList<string> EveryCommandHasOneValidatorNextToIt(Messages messages)
    {
        var validators = Validators(messages.Codebase);
        var application = messages.Codebase.Layer("Application");
        var violations = new List<string>();
        foreach (var command in messages.Commands)
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

            if (validator.Assembly != application || validator.Namespace != command.Namespace)
            {
                violations.Add($"{validator.FullName} must live in Salon.Application next to its command, in {command.Namespace}");
            }

            // AddValidatorsFromAssembly(includeInternalTypes: false) would silently skip a non-public validator.
            if (!validator.IsPublic)
            {
                violations.Add($"{validator.FullName} is not public, so it is never registered and never runs");
            }
        }

        return violations;
    }

    public static IReadOnlyList<string> MessagesAreImmutable(Messages messages) =>
        messages.Commands.Concat(messages.Queries).Concat(messages.DomainEvents).Distinct().SelectMany(MutableMembers).ToList();

    public static IReadOnlyList<string> OneFolderPerUseCase(Messages messages)
    {
        var all = messages.Commands.Concat(messages.Queries).Distinct().ToList();
        var violations = new List<string>();
        foreach (var message in all)
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

            var handlers = messages.HandlersOf(message).ToList();
            if (handlers.Count != 1)
            {
                violations.Add($"{message.FullName} has {handlers.Count} handlers ({string.Join(", ", handlers.Select(h => h.FullName))}); expected exactly one");
            }

            violations.AddRange(handlers
                .Where(h => h.Namespace != message.Namespace)
                .Select(h => $"{h.FullName} handles {message.Name} but is not in its use-case folder {message.Namespace}"));
        }

        violations.AddRange(all
            .GroupBy(m => m.Namespace)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} holds several use cases ({string.Join(", ", g.Select(m => m.Name).Order(StringComparer.Ordinal))}); give each its own folder"));
        return violations;
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
