using NetArchTest.Rules;
using Salon.ArchitectureTests.Rules;
using static Salon.ArchitectureTests.SalonArchitecture;

namespace Salon.ArchitectureTests;

/// <summary>A module is a second-level namespace Salon.{Layer}.{Module} (plus
/// Salon.Infrastructure.Persistence.Configurations.{Module}) that is not shared kernel; the same name in
/// different layers is the same module. A module's types may use their own module in any layer, the
/// shared kernel, and of other modules only the published language: Salon.Application.{Other}.Contracts
/// and Salon.Domain.{Other}.Events. Shared-kernel types (among them SalonDbContext, which implements every
/// module's port) are not constrained by this rule. Checked in the compiled code (<see cref="ModuleRules"/>) and in
/// the source (<see cref="SourceRules.ModuleIsolation"/>), which also sees inlined constants and enum values.</summary>
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

        // The source rule finds the same modules from the files' namespaces, so neither check can miss a module.
        Verdict.Holds(
            "These modules were found in the compiled code but in no source file under src/{Layer}/:",
            modules.Except(Codebase.Salon.Source.Files.Select(f => ModuleOf(f.Namespace)).OfType<string>()));
    }

    [Fact]
    public void Modules_use_other_modules_only_through_their_contracts_and_domain_events()
    {
        Verdict.SelectionIsNotEmpty(Modules, "modules");
        Verdict.Holds(
            "A module may use another module only through Salon.Application.{Other}.Contracts and Salon.Domain.{Other}.Events "
            + "(or move the shared concept to the shared kernel). Offending type -> internal type of another module:",
            ModuleRules.Isolation(Codebase.Salon, KnownExceptions));
    }

    [Fact]
    public void Module_sources_name_other_modules_only_through_their_contracts_and_domain_events()
    {
        Verdict.SelectionIsNotEmpty(Codebase.Salon.Source.Files, "source files under src/{Layer}/");
        Verdict.Holds(
            "A module's source may name another module only through Salon.Application.{Other}.Contracts and Salon.Domain.{Other}.Events, "
            + "also for constants and enum values (move the shared concept to the owner's Contracts or to the shared kernel). "
            + "File: what it names:",
            SourceRules.ModuleIsolation(Codebase.Salon.Source));
    }

    [Fact]
    public void Known_module_boundary_exceptions_are_still_needed()
    {
        Verdict.Holds(
            "These entries in ModuleIsolationTests.KnownExceptions are no longer used: delete them so the rule is strict again.",
            ModuleRules.UnusedExceptions(Codebase.Salon, KnownExceptions));
    }
}
