using Salon.Domain.Common;
using NetArchTest.Rules;
using static Salon.ArchitectureTests.SalonArchitecture;

namespace Salon.ArchitectureTests;

/// <summary>A module is a second-level namespace Salon.{Layer}.{Module} (plus
/// Salon.Infrastructure.Persistence.Configurations.{Module}) that is not shared kernel; the same name in
/// different layers is the same module. A module's types may use their own module in any layer, the
/// shared kernel, and of other modules only the published language: Salon.Application.{Other}.Contracts
/// and Salon.Domain.{Other}.Events. Shared-kernel types (among them SalonDbContext, which implements every
/// module's port) are not constrained by this rule.</summary>
public class ModuleIsolationTests
{
    /// <summary>Deliberate, visible exceptions: a module that may use one specific internal type of another.
    /// Each entry must still be needed (see <see cref="Known_module_boundary_exceptions_are_still_needed"/>).</summary>
    internal static readonly IReadOnlyList<(string Module, string Dependency, string Reason)> KnownExceptions =
    [
    ];

    [Fact]
    public void Modules_are_discovered_in_every_layer_from_namespaces()
    {
        var modules = Modules;
        Verdict.SelectionIsNotEmpty(modules, "modules (second-level namespaces that are not shared kernel)");

        // Every discovered module must select types through the same pattern the isolation rule uses.
        Verdict.Holds(
            "These modules were discovered by reflection but the NetArchTest namespace pattern selects none of their types:",
            modules.Where(m => !Types.InAssemblies(Assemblies).That().ResideInNamespaceMatching(ModuleNamespacePattern(m)).GetTypes().Any()));
    }

    [Fact]
    public void Modules_use_other_modules_only_through_their_contracts_and_domain_events()
    {
        var modules = Modules;
        Verdict.SelectionIsNotEmpty(modules, "modules");
        var types = Types.InAssemblies(Assemblies);
        var violations = new List<string>();

        foreach (var module in modules)
        {
            var pattern = ModuleNamespacePattern(module);
            Verdict.SelectionIsNotEmpty(types.That().ResideInNamespaceMatching(pattern).GetTypes(), $"types of the {module} module");

            var forbidden = InternalTypesOfOtherModules(module);
            if (forbidden.Count == 0)
            {
                continue;
            }

            var result = types.That().ResideInNamespaceMatching(pattern).ShouldNot().HaveDependencyOnAny([.. forbidden]).GetResult();
            if (!result.IsSuccessful)
            {
                violations.AddRange(DescribeViolations(types, pattern, forbidden));
            }
        }

        Verdict.Holds(
            "A module may use another module only through Salon.Application.{Other}.Contracts and Salon.Domain.{Other}.Events "
            + "(or move the shared concept to the shared kernel). Offending type -> internal type of another module:",
            violations);
    }

    [Fact]
    public void Known_module_boundary_exceptions_are_still_needed()
    {
        var types = Types.InAssemblies(Assemblies);
        Verdict.Holds(
            "These entries in ModuleIsolationTests.KnownExceptions are no longer used: delete them so the rule is strict again.",
            KnownExceptions
                .Where(e => types.That().ResideInNamespaceMatching(ModuleNamespacePattern(e.Module)).And().HaveDependencyOn(e.Dependency).GetTypes().Any() is false)
                .Select(e => $"{e.Module} -> {e.Dependency}"));
    }

    /// <summary>Names (as NetArchTest matches them) of every type of every other module outside that
    /// module's published namespaces, minus the known exceptions for this module.</summary>
    private static List<string> InternalTypesOfOtherModules(string module)
    {
        var excepted = KnownExceptions.Where(e => e.Module == module).Select(e => e.Dependency).ToHashSet(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var type in AllTypes)
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

    private static IEnumerable<string> DescribeViolations(Types types, string modulePattern, List<string> forbidden)
    {
        foreach (var dependency in forbidden)
        {
            var offenders = types.That().ResideInNamespaceMatching(modulePattern).And().HaveDependencyOn(dependency).GetTypes();
            foreach (var offender in offenders)
            {
                yield return $"{offender.FullName} -> {dependency}";
            }
        }
    }
}
