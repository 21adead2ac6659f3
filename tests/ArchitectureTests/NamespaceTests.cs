using static Salon.ArchitectureTests.SalonArchitecture;

namespace Salon.ArchitectureTests;

public class NamespaceTests
{
    /// <summary>Layer and module rules select types by namespace; a type outside Salon.{Layer} would
    /// escape them. Compiler- and source-generator output (Mediator, OpenAPI, anonymous types) and the
    /// top-level-statements Program are the only exceptions.</summary>
    [Fact]
    public void Every_type_lives_in_its_layers_namespace()
    {
        var violations = new List<string>();
        foreach (var (layer, assembly) in Layers)
        {
            var root = $"Salon.{layer}";
            var types = assembly.GetTypes().Where(t => !IsGenerated(t) && !IsGeneratorNamespace(t.Namespace) && t != typeof(Program)).ToList();
            Verdict.SelectionIsNotEmpty(types, $"hand-written types in {assembly.GetName().Name}");
            violations.AddRange(types
                .Where(t => t.Namespace != root && t.Namespace?.StartsWith(root + ".", StringComparison.Ordinal) != true)
                .Select(t => $"{t.FullName} (assembly {assembly.GetName().Name}) is outside {root}"));
        }

        Verdict.Holds("Every type must live under its layer's root namespace:", violations);
    }

    /// <summary>Namespaces source generators emit into (Mediator.*, Microsoft.*, System.*); hand-written
    /// code never declares types there.</summary>
    private static bool IsGeneratorNamespace(string? ns) =>
        ns is not null && (ns == "Mediator" || ns.StartsWith("Mediator.", StringComparison.Ordinal)
            || ns.StartsWith("Microsoft.", StringComparison.Ordinal) || ns.StartsWith("System.", StringComparison.Ordinal));
}
