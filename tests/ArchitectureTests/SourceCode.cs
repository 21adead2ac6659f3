using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Salon.ArchitectureTests;

/// <summary>Every .cs file under {root}/{Layer}/ (bin, obj and the generated Migrations and CompiledModels left out; the
/// compiled models are checked by CompiledModelTests), parsed by Roslyn (syntax only),
/// and the global usings of the project files. The source rules read it because the compiled IL does not show
/// everything: constants and enum values are inlined into the caller.</summary>
internal sealed class SourceCode
{
    private SourceCode(IReadOnlyList<SourceFile> files, IReadOnlyList<(string Project, string Namespace)> projectUsings)
    {
        Files = files;
        ProjectUsings = projectUsings;
        DeclaredTypes = files
            .SelectMany(f => f.TopLevelTypes.Select(t => (Namespace: f.Namespace ?? string.Empty, Type: t)))
            .GroupBy(x => x.Namespace, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(x => x.Type).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public IReadOnlyList<SourceFile> Files { get; }

    /// <summary><c>&lt;Using Include="…" /&gt;</c> in the project files: global usings for a whole assembly.</summary>
    public IReadOnlyList<(string Project, string Namespace)> ProjectUsings { get; }

    /// <summary>Namespace → the names of the top-level types declared in it.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> DeclaredTypes { get; }

    public static SourceCode Read(string root, IEnumerable<string> layers)
    {
        var files = new List<SourceFile>();
        foreach (var layer in layers)
        {
            var folder = Path.Combine(root, layer);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
                var segments = relative.Split('/');
                if (segments.Any(s => s is "bin" or "obj" or "Migrations" or "CompiledModels"))
                {
                    continue;
                }

                files.Add(SourceFile.Parse(relative, layer, File.ReadAllText(path)));
            }
        }

        var usings = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"))
            .SelectMany(p => XDocument.Load(p).Descendants("Using")
                .Select(u => (string?)u.Attribute("Include"))
                .OfType<string>()
                .Select(ns => (Path.GetRelativePath(root, p).Replace('\\', '/'), ns)))
            .ToList();

        return new SourceCode(files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList(), usings);
    }
}

/// <summary>One parsed file: its path relative to the root, its layer folder, its namespace and its syntax.</summary>
internal sealed class SourceFile
{
    private SourceFile(string path, string layer, CompilationUnitSyntax root)
    {
        Path = path;
        Layer = layer;
        Root = root;
        var namespaces = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().ToList();
        Namespace = namespaces.Count == 0 ? null : namespaces[0].Name.ToString();
        TopLevelTypes = root.Members
            .SelectMany(m => m is BaseNamespaceDeclarationSyntax ns ? ns.Members : [m])
            .Select(m => m switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier.Text,
                DelegateDeclarationSyntax d => d.Identifier.Text,
                _ => null,
            })
            .OfType<string>()
            .ToList();
    }

    public string Path { get; }

    public string Layer { get; }

    public CompilationUnitSyntax Root { get; }

    public string? Namespace { get; }

    /// <summary>Names of the types declared at the top level (a generic and a non-generic type of one name count twice).</summary>
    public IReadOnlyList<string> TopLevelTypes { get; }

    /// <summary>The folder under the layer, as a namespace: Application/Consultations/Rules → Salon.Application.Consultations.Rules.</summary>
    public string FolderNamespace
    {
        get
        {
            var folders = Path.Split('/')[..^1];
            return "Salon." + string.Join('.', folders);
        }
    }

    public static SourceFile Parse(string path, string layer, string text) =>
        new(path, layer, (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot());
}
