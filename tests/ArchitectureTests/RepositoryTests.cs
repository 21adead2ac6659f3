namespace Salon.ArchitectureTests;

/// <summary>The repository stands on its own: nothing in it points at a file that only exists outside it (the
/// contract and design notes the project started from). A reader follows a route, a README section or a doc.</summary>
public class RepositoryTests
{
    private static readonly string[] OutsideFiles = ["API.md", "DESIGN.md", "../shared/"];

    private static readonly string[] TextFiles = ["*.cs", "*.razor", "*.md", "*.json", "*.props", "*.csproj", "*.sh", "*.css"];

    [Fact]
    public void No_file_refers_to_a_file_outside_the_repository()
    {
        var root = Codebase.RepositoryRoot;
        var files = TextFiles
            .SelectMany(pattern => Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories))
            .Append(Path.Combine(root, ".ci", "run"))
            .Where(File.Exists)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "node_modules"))
            .Where(f => Path.GetFileName(f) != nameof(RepositoryTests) + ".cs")
            .ToList();
        Verdict.SelectionIsNotEmpty(files, "text files of the repository");

        var references = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => OutsideFiles.Any(o => l.Text.Contains(o, StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(references.Count == 0, "Cite the route, the README section or a doc instead of:\n" + string.Join("\n", references));
    }
}
