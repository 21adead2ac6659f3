using Salon.ArchitectureTests.Rules;

namespace Salon.ArchitectureTests;

public class NamespaceTests
{
    /// <summary>Layer and module rules select types by namespace; a type outside Salon.{Layer} would
    /// escape them.</summary>
    [Fact]
    public void Every_type_lives_in_its_layers_namespace()
    {
        Verdict.SelectionIsNotEmpty(Codebase.Salon.AllTypes, "types in the layers' assemblies");
        Verdict.Holds("Every type must live under its layer's root namespace:", PlacementRules.TypesOutsideTheirLayer(Codebase.Salon));
    }

    [Fact]
    public void Every_file_declares_the_namespace_of_its_folder()
    {
        Verdict.SelectionIsNotEmpty(Codebase.Salon.Source.Files, "source files under src/{Layer}/");
        Verdict.Holds("A file's namespace is Salon. plus its folder under src/ (move the file or fix the namespace):", SourceRules.NamespacesMatchFolders(Codebase.Salon.Source));
    }

    [Fact]
    public void Every_file_holds_one_top_level_type_or_one_use_case()
    {
        Verdict.SelectionIsNotEmpty(Codebase.Salon.Source.Files, "source files under src/{Layer}/");
        Verdict.Holds("One type per file, named like the file (a use-case file may hold its message, validator and handler):", SourceRules.OneTypePerFile(Codebase.Salon.Source));
    }
}
