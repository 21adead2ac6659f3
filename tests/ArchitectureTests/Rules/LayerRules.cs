using System.Reflection;
using NetArchTest.Rules;

namespace Salon.ArchitectureTests.Rules;

/// <summary>Dependencies point inward. Checked twice: type by type (namespaces used in signatures and bodies) and by
/// the assemblies a layer's metadata references, because provider extension methods such as UseSqlite/UseNpgsql live
/// in the Microsoft.EntityFrameworkCore namespace and only show up as an assembly reference.</summary>
internal static class LayerRules
{
    /// <summary>Types of <paramref name="assembly"/> in <paramref name="rootNamespace"/> (or outside Salon altogether,
    /// as generated code is) that use a forbidden namespace.</summary>
    public static IReadOnlyList<string> TypesUsing(Assembly assembly, string rootNamespace, IReadOnlyList<string> forbiddenNamespaces)
    {
        var pattern = $@"^({System.Text.RegularExpressions.Regex.Escape(rootNamespace)}(\..+)?|(?!Salon(\.|$)).*)$";
        var result = Types.InAssembly(assembly).That().ResideInNamespaceMatching(pattern)
            .ShouldNot().HaveDependencyOnAny([.. forbiddenNamespaces]).GetResult();
        return result.IsSuccessful ? [] : [.. result.FailingTypeNames ?? ["(NetArchTest reported a failure without type names)"]];
    }

    /// <summary>Assemblies referenced by <paramref name="assembly"/> that are forbidden (or inside a forbidden one).</summary>
    public static IReadOnlyList<string> ForbiddenReferences(Assembly assembly, IReadOnlyList<string> forbiddenAssemblies) =>
        assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(r => forbiddenAssemblies.Any(f => r == f || r.StartsWith(f + ".", StringComparison.Ordinal)))
            .Select(r => $"{assembly.GetName().Name} references assembly {r}")
            .ToList();
}
