using System.Reflection;
using NetArchTest.Rules;
using static Salon.ArchitectureTests.SalonArchitecture;

namespace Salon.ArchitectureTests;

/// <summary>Dependencies point inward only: WebApi → Infrastructure → Application → Domain. Each layer is
/// checked twice: type by type (namespaces used in signatures and method bodies) and by the assemblies
/// its metadata references, because provider extension methods such as UseSqlite/UseNpgsql live in the
/// Microsoft.EntityFrameworkCore namespace and only show up as an assembly reference.</summary>
public class LayerTests
{
    [Fact]
    public void Domain_does_not_depend_on_outer_layers_or_frameworks()
    {
        AssertLayerIsolated(
            DomainAssembly,
            forbiddenNamespaces:
            [
                "Salon.Application", "Salon.Infrastructure", "Salon.WebApi",
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Hangfire", "Mediator", "FluentValidation",
            ],
            forbiddenAssemblies:
            [
                "Salon.Application", "Salon.Infrastructure", "Salon.WebApi",
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Hangfire", "Mediator", "FluentValidation",
            ]);
    }

    [Fact]
    public void Application_does_not_depend_on_infrastructure_web_or_database_providers()
    {
        // Microsoft.EntityFrameworkCore itself (DbSet, async LINQ) is allowed; providers are not.
        AssertLayerIsolated(
            ApplicationAssembly,
            forbiddenNamespaces:
            [
                "Salon.Infrastructure", "Salon.WebApi",
                "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Data.Sqlite", "Npgsql",
                "Hangfire", "MailKit", "MimeKit", "Microsoft.AspNetCore",
            ],
            forbiddenAssemblies:
            [
                "Salon.Infrastructure", "Salon.WebApi",
                "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Data.Sqlite", "Npgsql",
                "Hangfire", "MailKit", "MimeKit", "Microsoft.AspNetCore",
            ]);
    }

    [Fact]
    public void Infrastructure_does_not_depend_on_the_web_api()
    {
        AssertLayerIsolated(InfrastructureAssembly, forbiddenNamespaces: ["Salon.WebApi"], forbiddenAssemblies: ["Salon.WebApi"]);
    }

    [Fact]
    public void The_web_client_uses_only_the_public_http_api_never_an_inner_layer()
    {
        // Every rule (authorisation, anonymity, limits) stays in the API; the web client sees what any client sees.
        string[] inner = ["Salon.Domain", "Salon.Application", "Salon.Infrastructure", "Salon.WebApi", "Mediator", "Microsoft.EntityFrameworkCore"];
        AssertLayerIsolated(WebClientAssembly, forbiddenNamespaces: inner, forbiddenAssemblies: inner);
    }

    private static void AssertLayerIsolated(Assembly layer, string[] forbiddenNamespaces, string[] forbiddenAssemblies)
    {
        var layerName = layer.GetName().Name;
        Verdict.SelectionIsNotEmpty(Types.InAssembly(layer).GetTypes(), $"types in {layerName}");

        var result = Types.InAssembly(layer).Should().NotHaveDependencyOnAny(forbiddenNamespaces).GetResult();
        var offendingTypes = result.IsSuccessful ? [] : result.FailingTypeNames ?? [];

        var references = layer.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Verdict.SelectionIsNotEmpty(references, $"assemblies referenced by {layerName}");
        var offendingReferences = references
            .Where(r => forbiddenAssemblies.Any(f => r == f || r.StartsWith(f + ".", StringComparison.Ordinal)))
            .Select(r => $"{layerName} references assembly {r}");

        Verdict.Holds(
            $"{layerName} must not use the namespaces {string.Join(", ", forbiddenNamespaces)} "
            + $"nor reference the assemblies {string.Join(", ", forbiddenAssemblies)}. Offending types and references:",
            offendingTypes.Concat(offendingReferences));
    }
}
