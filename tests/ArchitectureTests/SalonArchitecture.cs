using System.Reflection;
using System.Runtime.CompilerServices;

namespace Salon.ArchitectureTests;

/// <summary>What the rules know about the solution: its layers, and its modules as discovered from
/// namespaces, so a module added later is covered without touching the tests.</summary>
internal static class SalonArchitecture
{
    public static readonly Assembly DomainAssembly = typeof(Salon.Domain.Common.Entity).Assembly;
    public static readonly Assembly ApplicationAssembly = typeof(Salon.Application.ApplicationServices).Assembly;
    public static readonly Assembly InfrastructureAssembly = typeof(Salon.Infrastructure.InfrastructureServices).Assembly;
    public static readonly Assembly WebApiAssembly = typeof(Program).Assembly;

    /// <summary>The web client (src/Web): not a layer of the API but one more client of it.</summary>
    public static readonly Assembly WebClientAssembly = typeof(Salon.Web.Api.SalonApiClient).Assembly;

    /// <summary>Innermost first.</summary>
    public static readonly IReadOnlyList<(string Name, Assembly Assembly)> Layers =
    [
        ("Domain", DomainAssembly),
        ("Application", ApplicationAssembly),
        ("Infrastructure", InfrastructureAssembly),
        ("WebApi", WebApiAssembly),
    ];

    public static readonly IReadOnlyList<Assembly> Assemblies = Layers.Select(l => l.Assembly).ToArray();

    /// <summary>Second-level namespaces (Salon.{Layer}.X) that are not business modules but code every
    /// module may use: cross-cutting helpers (Common), the single DbContext and migrations (Persistence),
    /// ASP.NET Core Identity and token authentication (Identity), SMTP transports (Email), Hangfire
    /// wiring (Jobs) and host command-line verbs (Cli). Types directly in Salon.{Layer} are the
    /// layer's composition root and are shared too.</summary>
    public static readonly IReadOnlySet<string> SharedKernel = new HashSet<string>(StringComparer.Ordinal)
    {
        "Common", "Persistence", "Identity", "Email", "Jobs", "Cli",
    };

    /// <summary>Where one module's EF Core configurations live inside the shared Persistence folder.</summary>
    public const string PersistenceConfigurations = "Salon.Infrastructure.Persistence.Configurations";

    /// <summary>The module a namespace belongs to, or null for shared-kernel and non-Salon namespaces.
    /// The same module name in different layers is the same module.</summary>
    public static string? ModuleOf(string? ns)
    {
        if (ns is null)
        {
            return null;
        }

        var segments = ns.Split('.');
        if (segments.Length < 3 || segments[0] != "Salon" || !Layers.Any(l => l.Name == segments[1]))
        {
            return null;
        }

        if (ns.StartsWith(PersistenceConfigurations + ".", StringComparison.Ordinal))
        {
            var configured = segments[4];
            return SharedKernel.Contains(configured) ? null : configured;
        }

        return SharedKernel.Contains(segments[2]) ? null : segments[2];
    }

    /// <summary>The namespaces through which a module may be used by other modules: the commands,
    /// queries and interfaces in its Application Contracts folder, and its domain events.</summary>
    public static IReadOnlyList<string> PublishedNamespacesOf(string module) =>
    [
        $"Salon.Application.{module}.Contracts",
        $"Salon.Domain.{module}.Events",
    ];

    public static bool IsPublishedBy(string? ns, string module) =>
        ns is not null && PublishedNamespacesOf(module).Any(p => ns == p || ns.StartsWith(p + ".", StringComparison.Ordinal));

    public static IEnumerable<Type> AllTypes => Assemblies.SelectMany(a => a.GetTypes());

    /// <summary>Every module found in any layer: the distinct module segments of all namespaces.</summary>
    public static IReadOnlyList<string> Modules => Codebase.Salon.Modules;

    /// <summary>Matches the namespaces of one module in every layer, including its persistence configurations.</summary>
    public static string ModuleNamespacePattern(string module)
    {
        var name = System.Text.RegularExpressions.Regex.Escape(module);
        var layers = string.Join("|", Layers.Select(l => l.Name));
        return $@"^Salon\.({layers})\.{name}(\..+)?$|^{System.Text.RegularExpressions.Regex.Escape(PersistenceConfigurations)}\.{name}(\..+)?$";
    }

    /// <summary>The name NetArchTest (Mono.Cecil) gives a type: nested types are separated by '/'.</summary>
    public static string CecilName(Type type) => type.FullName!.Replace('+', '/');

    public static bool IsGenerated(Type type)
    {
        for (var current = type; current is not null; current = current.DeclaringType)
        {
            if (current.IsDefined(typeof(CompilerGeneratedAttribute), false)
                || current.IsDefined(typeof(System.CodeDom.Compiler.GeneratedCodeAttribute), false))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Implements(this Type type, Type openGenericInterface) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGenericInterface);

    public static IEnumerable<Type> ClosedInterfaces(this Type type, Type openGenericInterface) =>
        type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGenericInterface);

    public static bool IsConcreteClass(this Type type) => type is { IsClass: true, IsAbstract: false } && !IsGenerated(type);
}
