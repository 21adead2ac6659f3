using System.Reflection;

namespace Salon.ArchitectureTests;

/// <summary>What a rule runs against: assemblies by layer and the source folder that holds one folder per layer.
/// <see cref="Salon"/> is the product; <see cref="Violations"/> is tests/ArchitectureTests.Violations, where every rule
/// has a planted violation (see <see cref="ViolationTests"/>).</summary>
internal sealed class Codebase
{
    public static readonly string RepositoryRoot = FindRepositoryRoot();

    public static readonly Codebase Salon = new(SalonArchitecture.Layers, Path.Combine(RepositoryRoot, "src"));

    public static readonly Codebase Violations = new(
        SalonArchitecture.Layers.Select(l => (l.Name, typeof(global::Salon.Domain.Beta.BetaNames).Assembly)).ToArray(),
        Path.Combine(RepositoryRoot, "tests", "ArchitectureTests.Violations"));

    private readonly Lazy<SourceCode> _source;

    public Codebase(IReadOnlyList<(string Name, Assembly Assembly)> layers, string sourceRoot)
    {
        Layers = layers;
        SourceRoot = sourceRoot;
        _source = new Lazy<SourceCode>(() => SourceCode.Read(sourceRoot, layers.Select(l => l.Name)));
    }

    /// <summary>Innermost first. Several layers may share one assembly (the violations project).</summary>
    public IReadOnlyList<(string Name, Assembly Assembly)> Layers { get; }

    public string SourceRoot { get; }

    public SourceCode Source => _source.Value;

    public IReadOnlyList<Assembly> Assemblies => Layers.Select(l => l.Assembly).Distinct().ToArray();

    public IEnumerable<Type> AllTypes => Assemblies.SelectMany(a => a.GetTypes());

    public Assembly Layer(string name) => Layers.Single(l => l.Name == name).Assembly;

    /// <summary>Every module found in any layer: the distinct module segments of all namespaces.</summary>
    public IReadOnlyList<string> Modules =>
        AllTypes.Select(t => SalonArchitecture.ModuleOf(t.Namespace)).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Salon.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Salon.sln not found above {AppContext.BaseDirectory}: the source rules need the repository.");
    }
}
