using NetArchTest.Rules;
using static Salon.ArchitectureTests.SalonArchitecture;

namespace Salon.ArchitectureTests.Rules;

/// <summary>Where things go, so the next person finds them: namespaces, jobs, member-deletion handlers, digest
/// sections, and what endpoints may touch.</summary>
internal static class PlacementRules
{
    /// <summary>Every hand-written type lives under one of its assembly's layer namespaces (Salon.{Layer}); otherwise the
    /// layer and module rules, which select by namespace, would not see it. Compiler and source-generator output and the
    /// top-level-statements Program are the exceptions.</summary>
    public static IReadOnlyList<string> TypesOutsideTheirLayer(Codebase codebase) =>
        codebase.Assemblies
            .SelectMany(assembly =>
            {
                var roots = codebase.Layers.Where(l => l.Assembly == assembly).Select(l => $"Salon.{l.Name}").ToList();
                return assembly.GetTypes()
                    .Where(t => !IsGenerated(t) && !IsGeneratorNamespace(t.Namespace) && t.Name != "Program")
                    .Where(t => !roots.Any(root => t.Namespace == root || t.Namespace?.StartsWith(root + ".", StringComparison.Ordinal) == true))
                    .Select(t => $"{t.FullName} (assembly {assembly.GetName().Name}) is outside {string.Join(" and ", roots)}");
            })
            .ToList();

    /// <summary>Hangfire jobs (classes named …Job) and the registrars that schedule them (IRecurringJobRegistrar)
    /// live in a Jobs namespace of Infrastructure: Salon.Infrastructure.{Module}.Jobs (or …Persistence.Backup.Jobs),
    /// each module's schedule (…RecurringJobs) beside its jobs.</summary>
    public static IReadOnlyList<string> JobsLiveInJobsFolders(Codebase codebase) =>
        codebase.Layer("Infrastructure").GetTypes()
            .Where(t => t.IsConcreteClass() && t.Namespace?.StartsWith("Salon.Infrastructure.", StringComparison.Ordinal) == true)
            .Where(t => t.Name.EndsWith("Job", StringComparison.Ordinal) || t.GetInterfaces().Any(i => i.Name == "IRecurringJobRegistrar"))
            .Where(t => !t.Namespace!.EndsWith(".Jobs", StringComparison.Ordinal) && t.Namespace != "Salon.Infrastructure.Jobs")
            .Select(t => $"{t.FullName} is a job or a job schedule outside a Jobs folder")
            .ToList();

    /// <summary>Each module's handler of MemberDeleted lives in Salon.Application.{Module}.RemoveMemberData.</summary>
    public static IReadOnlyList<string> MemberDeletionHandlersLiveInRemoveMemberData(Codebase codebase) =>
        codebase.Layer("Application").GetTypes()
            .Where(t => t.IsConcreteClass() && t.GetInterfaces().Any(i => i.IsGenericType && i.Name == "IDomainEventHandler`1" && i.GetGenericArguments()[0].Name == "MemberDeleted"))
            .Where(t => t.Namespace != $"Salon.Application.{ModuleOf(t.Namespace)}.RemoveMemberData")
            .Select(t => $"{t.FullName} handles MemberDeleted outside Salon.Application.{ModuleOf(t.Namespace)}.RemoveMemberData")
            .ToList();

    /// <summary>Each module's digest sections live in Salon.Application.{Module}.DigestSections.</summary>
    public static IReadOnlyList<string> DigestSectionsLiveInDigestSections(Codebase codebase) =>
        codebase.Layer("Application").GetTypes()
            .Where(t => t.IsConcreteClass() && t.GetInterfaces().Any(i => i.Name == "IDigestSection"))
            .Where(t => t.Namespace != $"Salon.Application.{ModuleOf(t.Namespace)}.DigestSections")
            .Select(t => $"{t.FullName} is a digest section outside Salon.Application.{ModuleOf(t.Namespace)}.DigestSections")
            .ToList();

    /// <summary>Module persistence ports: Application interfaces named I…Db, and any Application interface exposing a
    /// DbSet (so a port named otherwise is still caught).</summary>
    public static IReadOnlyList<Type> PersistencePorts(Codebase codebase) =>
        codebase.Layer("Application").GetTypes()
            .Where(t => t.IsInterface && t.Namespace?.StartsWith("Salon.Application", StringComparison.Ordinal) == true
                && ((t.Name.StartsWith('I') && t.Name.EndsWith("Db", StringComparison.Ordinal))
                    || t.GetProperties().Any(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition().Name == "DbSet`1")))
            .ToArray();

    /// <summary>Endpoints go through the mediator: no WebApi type uses a persistence port or one of
    /// <paramref name="alsoForbidden"/> (the DbContext).</summary>
    public static IReadOnlyList<string> EndpointsUseNoPersistence(Codebase codebase, IReadOnlyList<string> alsoForbidden)
    {
        string[] forbidden = [.. alsoForbidden, .. PersistencePorts(codebase).Select(CecilName)];
        var result = Types.InAssembly(codebase.Layer("WebApi")).That().ResideInNamespaceMatching(@"^(Salon\.WebApi(\..+)?|(?!Salon(\.|$)).*)$")
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        return result.IsSuccessful ? [] : [.. result.FailingTypeNames ?? ["(NetArchTest reported a failure without type names)"]];
    }

    /// <summary>Namespaces source generators emit into (Mediator.*, Microsoft.*, System.*); hand-written code never
    /// declares types there.</summary>
    private static bool IsGeneratorNamespace(string? ns) =>
        ns is not null && (ns == "Mediator" || ns.StartsWith("Mediator.", StringComparison.Ordinal)
            || ns.StartsWith("Microsoft.", StringComparison.Ordinal) || ns.StartsWith("System.", StringComparison.Ordinal));
}
