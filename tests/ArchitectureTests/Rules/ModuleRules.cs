using NetArchTest.Rules;
using static Salon.ArchitectureTests.SalonArchitecture;

namespace Salon.ArchitectureTests.Rules;

/// <summary>Module isolation in the compiled code: a module's types may use their own module in any layer, the shared
/// kernel, and of other modules only Salon.Application.{Other}.Contracts and Salon.Domain.{Other}.Events. IL shows
/// types in signatures and bodies, but not constants and enum values (inlined): <see cref="SourceRules.ModuleIsolation"/>
/// covers those.</summary>
internal static class ModuleRules
{
    /// <summary>"Offending type -> internal type of another module" for every module of the codebase.</summary>
    public static IReadOnlyList<string> Isolation(Codebase codebase, IReadOnlyList<(string Module, string Dependency, string Reason)> exceptions)
    {
        var types = Types.InAssemblies(codebase.Assemblies);
        var violations = new List<string>();
        foreach (var module in codebase.Modules)
        {
            var pattern = ModuleNamespacePattern(module);
            var forbidden = InternalTypesOfOtherModules(codebase, module, exceptions);
            if (forbidden.Count == 0)
            {
                continue;
            }

            if (types.That().ResideInNamespaceMatching(pattern).ShouldNot().HaveDependencyOnAny([.. forbidden]).GetResult().IsSuccessful)
            {
                continue;
            }

            foreach (var dependency in forbidden)
            {
                violations.AddRange(types.That().ResideInNamespaceMatching(pattern).And().HaveDependencyOn(dependency).GetTypes()
                    .Select(offender => $"{offender.FullName} -> {dependency}"));
            }
        }

        return violations.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Exceptions that no type needs any more (so the rule can be strict again).</summary>
    public static IReadOnlyList<string> UnusedExceptions(Codebase codebase, IReadOnlyList<(string Module, string Dependency, string Reason)> exceptions)
    {
        var types = Types.InAssemblies(codebase.Assemblies);
        return exceptions
            .Where(e => !types.That().ResideInNamespaceMatching(ModuleNamespacePattern(e.Module)).And().HaveDependencyOn(e.Dependency).GetTypes().Any())
            .Select(e => $"{e.Module} -> {e.Dependency}")
            .ToList();
    }

    /// <summary>Names (as NetArchTest matches them) of every type of every other module outside that module's
    /// published namespaces, minus the exceptions for this module.</summary>
    private static List<string> InternalTypesOfOtherModules(Codebase codebase, string module, IReadOnlyList<(string Module, string Dependency, string Reason)> exceptions)
    {
        var excepted = exceptions.Where(e => e.Module == module).Select(e => e.Dependency).ToHashSet(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var type in codebase.AllTypes)
        {
            var owner = ModuleOf(type.Namespace);
            if (owner is null || owner == module || IsPublishedBy(type.Namespace, owner) || excepted.Contains(CecilName(type)))
            {
                continue;
            }

            names.Add(CecilName(type));
            if (type.IsNested)
            {
                // A reference to a nested type is tokenised as its namespace plus its own name.
                names.Add($"{type.Namespace}.{type.Name}");
            }
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }
}
