using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Salon.ArchitectureTests.SalonArchitecture;

namespace Salon.ArchitectureTests.Rules;

/// <summary>Rules over the source text. Each returns its violations, one line each, so the same rule runs on src/ and
/// on the planted violations.</summary>
internal static class SourceRules
{
    /// <summary>A module's files name another module only through its Contracts and Events namespaces: in using
    /// directives (plain, static, alias, global), in project-wide <c>&lt;Using&gt;</c> items, and in qualified names in
    /// the code, full (<c>Salon.Domain.Members.Nickname</c>, <c>global::…</c>) or relative to the enclosing namespace
    /// (<c>Members.Nickname</c> inside <c>Salon.Domain.X</c>). Unlike the compiled check, this sees constants and enum
    /// values, which the compiler copies into the caller.</summary>
    public static IReadOnlyList<string> ModuleIsolation(SourceCode source)
    {
        var namespaces = KnownNamespaces(source);
        var violations = new List<string>();

        foreach (var (project, ns) in source.ProjectUsings)
        {
            if (InternalOwner(Resolve(ns, namespaces, source, needType: false)?.Namespace) is { } owner)
            {
                violations.Add($"{project}: global <Using Include=\"{ns}\" /> opens {owner}'s internals to every module of the assembly");
            }
        }

        foreach (var file in source.Files)
        {
            var module = ModuleOf(file.Namespace);
            foreach (var directive in file.Root.DescendantNodes().OfType<UsingDirectiveSyntax>())
            {
                if (directive.NamespaceOrType is null)
                {
                    continue;
                }

                var isGlobal = directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword);
                var enclosing = directive.Parent is BaseNamespaceDeclarationSyntax parent ? parent.Name.ToString() : null;
                var target = FirstResolved(Dotted(directive.NamespaceOrType), enclosing, namespaces, source, needType: false)?.Namespace;
                var owner = InternalOwner(target);
                if (owner is not null && (isGlobal || (module is not null && owner != module)))
                {
                    violations.Add($"{file.Path}: {directive.ToString().Trim()} ({owner}'s internal namespace {target})");
                }
            }

            if (module is null)
            {
                continue;
            }

            foreach (var node in file.Root.DescendantNodes().Where(n => n is QualifiedNameSyntax or AliasQualifiedNameSyntax or MemberAccessExpressionSyntax))
            {
                if (node.Ancestors().Any(a => a is UsingDirectiveSyntax || (a is BaseNamespaceDeclarationSyntax ns && ns.Name.Span.Contains(node.Span))))
                {
                    continue;
                }

                var dotted = Dotted(node);
                if (dotted is null || !dotted.Contains('.', StringComparison.Ordinal))
                {
                    continue;
                }

                var target = FirstResolved(dotted, file.Namespace, namespaces, source, needType: true);
                var owner = InternalOwner(target?.Namespace);
                if (owner is not null && owner != module)
                {
                    violations.Add($"{file.Path}: {target!.Value.Namespace}.{target.Value.Type} ({owner}'s internal namespace {target.Value.Namespace})");
                }
            }
        }

        return violations.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The namespace a file declares is its folder: src/Application/Consultations/Rules/X.cs declares
    /// Salon.Application.Consultations.Rules, so a type is found where its namespace says. The top-level-statements
    /// Program has no namespace.</summary>
    public static IReadOnlyList<string> NamespacesMatchFolders(SourceCode source) =>
        source.Files
            .Where(f => f.Namespace != f.FolderNamespace && !f.Root.Members.OfType<GlobalStatementSyntax>().Any())
            .Select(f => $"{f.Path} declares namespace {f.Namespace ?? "(none)"}; its folder says {f.FolderNamespace}")
            .ToList();

    /// <summary>One top-level type per file, named like the file; a use-case file XCommand.cs / XQuery.cs may also hold
    /// its XCommandValidator and XCommandHandler (the house rule: message, validator and handler together).</summary>
    public static IReadOnlyList<string> OneTypePerFile(SourceCode source)
    {
        var violations = new List<string>();
        foreach (var file in source.Files)
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(file.Path);
            var allowed = new HashSet<string>(StringComparer.Ordinal) { name };
            if (name.EndsWith("Command", StringComparison.Ordinal) || name.EndsWith("Query", StringComparison.Ordinal))
            {
                allowed.Add(name + "Validator");
                allowed.Add(name + "Handler");
            }

            var extra = file.TopLevelTypes.Where(t => !allowed.Contains(t)).ToList();
            var repeated = file.TopLevelTypes.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1 && g.Key != name).Select(g => g.Key);
            if (extra.Count > 0 && file.TopLevelTypes.Count > 1)
            {
                violations.Add($"{file.Path} declares {string.Join(", ", file.TopLevelTypes)}: give {string.Join(", ", extra.Distinct())} a file of its own");
            }
            else if (repeated.Any())
            {
                violations.Add($"{file.Path} declares {string.Join(", ", repeated)} more than once");
            }
        }

        return violations;
    }

    /// <summary>A validation message is a lambda (<c>.WithMessage(_ => new LocalizedText(…).Current)</c>): validators are
    /// singletons, so a message evaluated when the validator is built would keep the language of the first request
    /// that built it.</summary>
    public static IReadOnlyList<string> ValidationMessagesAreLambdas(SourceCode source) =>
        source.Files
            .SelectMany(f => f.Root.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(call => call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WithMessage" }
                    && call.ArgumentList.Arguments.Count > 0
                    && call.ArgumentList.Arguments[0].Expression is not LambdaExpressionSyntax)
                .Select(call => $"{f.Path}:{call.GetLocation().GetLineSpan().StartLinePosition.Line + 1} passes WithMessage a value, not a lambda"))
            .ToList();

    /// <summary>Every namespace declared in the sources, and each of its parents (Salon, Salon.Domain, …).</summary>
    private static HashSet<string> KnownNamespaces(SourceCode source)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ns in source.Files.Select(f => f.Namespace).OfType<string>())
        {
            var segments = ns.Split('.');
            for (var i = 1; i <= segments.Length; i++)
            {
                known.Add(string.Join('.', segments[..i]));
            }
        }

        return known;
    }

    /// <summary>How C# looks a name up: inside namespace A.B.C, "X.Y" is tried as A.B.C.X.Y, A.B.X.Y, A.X.Y, then X.Y.
    /// The first candidate that names a declared namespace (and, for code, a type declared in it) wins.</summary>
    private static (string Namespace, string? Type)? FirstResolved(string? dotted, string? enclosing, HashSet<string> namespaces, SourceCode source, bool needType)
    {
        if (dotted is null)
        {
            return null;
        }

        if (dotted.StartsWith("global::", StringComparison.Ordinal))
        {
            return Resolve(dotted["global::".Length..], namespaces, source, needType);
        }

        var scopes = new List<string>();
        if (enclosing is not null)
        {
            var segments = enclosing.Split('.');
            for (var i = segments.Length; i >= 1; i--)
            {
                scopes.Add(string.Join('.', segments[..i]) + ".");
            }
        }

        scopes.Add(string.Empty);
        return scopes.Select(scope => Resolve(scope + dotted, namespaces, source, needType)).FirstOrDefault(r => r is not null);
    }

    /// <summary>The longest declared namespace the name starts with; for code, only if the next segment is a type
    /// declared there (so a property that happens to share a module's name is not mistaken for it).</summary>
    private static (string Namespace, string? Type)? Resolve(string name, HashSet<string> namespaces, SourceCode source, bool needType)
    {
        var segments = name.Split('.');
        for (var i = segments.Length; i >= 1; i--)
        {
            var candidate = string.Join('.', segments[..i]);
            if (!namespaces.Contains(candidate))
            {
                continue;
            }

            var type = i < segments.Length ? segments[i] : null;
            if (!needType)
            {
                return (candidate, type);
            }

            return type is not null && source.DeclaredTypes.TryGetValue(candidate, out var types) && types.Contains(type) ? (candidate, type) : null;
        }

        return null;
    }

    /// <summary>The module whose internals the namespace is: a module namespace other than its Contracts and Events.</summary>
    private static string? InternalOwner(string? ns)
    {
        var owner = ModuleOf(ns);
        return owner is not null && !IsPublishedBy(ns, owner) ? owner : null;
    }

    /// <summary>A.B.C for a dotted name made only of identifiers (generic arguments dropped), else null.</summary>
    private static string? Dotted(SyntaxNode node) => node switch
    {
        IdentifierNameSyntax id => id.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        QualifiedNameSyntax q => Dotted(q.Left) is { } left && Dotted(q.Right) is { } right ? left + "." + right : null,
        AliasQualifiedNameSyntax a => a.Alias.Identifier.ValueText == "global" && Dotted(a.Name) is { } rest ? "global::" + rest : null,
        MemberAccessExpressionSyntax m when m.IsKind(SyntaxKind.SimpleMemberAccessExpression) =>
            Dotted(m.Expression) is { } left && Dotted(m.Name) is { } right ? left + "." + right : null,
        _ => null,
    };
}
