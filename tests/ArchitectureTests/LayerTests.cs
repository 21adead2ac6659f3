using System.Reflection;
using NetArchTest.Rules;
using Salon.ArchitectureTests.Rules;
using static Salon.ArchitectureTests.SalonArchitecture;

namespace Salon.ArchitectureTests;

/// <summary>Dependencies point inward only: WebApi → Infrastructure → Application → Domain. Each layer is
/// checked twice (<see cref="LayerRules"/>): type by type and by the assemblies its metadata references.</summary>
public class LayerTests
{
    internal static readonly string[] DomainForbidden =
    [
        "Salon.Application", "Salon.Infrastructure", "Salon.WebApi",
        "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Hangfire", "Mediator", "FluentValidation",
    ];

    [Fact]
    public void Domain_does_not_depend_on_outer_layers_or_frameworks()
    {
        AssertLayerIsolated(DomainAssembly, "Salon.Domain", DomainForbidden, DomainForbidden);
    }

    [Fact]
    public void Application_does_not_depend_on_infrastructure_web_or_database_providers()
    {
        // Microsoft.EntityFrameworkCore itself (DbSet, async LINQ) is allowed; providers are not.
        string[] forbidden =
        [
            "Salon.Infrastructure", "Salon.WebApi",
            "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Data.Sqlite", "Npgsql",
            "Hangfire", "MailKit", "MimeKit", "Microsoft.AspNetCore",
        ];
        AssertLayerIsolated(ApplicationAssembly, "Salon.Application", forbidden, forbidden);
    }

    [Fact]
    public void Infrastructure_does_not_depend_on_the_web_api()
    {
        AssertLayerIsolated(InfrastructureAssembly, "Salon.Infrastructure", ["Salon.WebApi"], ["Salon.WebApi"]);
    }

    [Fact]
    public void The_web_client_uses_only_the_public_http_api_never_an_inner_layer()
    {
        // Every rule (authorisation, anonymity, limits) stays in the API; the web client sees what any client sees.
        string[] inner = ["Salon.Domain", "Salon.Application", "Salon.Infrastructure", "Salon.WebApi", "Mediator", "Microsoft.EntityFrameworkCore"];
        AssertLayerIsolated(WebClientAssembly, "Salon.Web", inner, inner);
    }

    private static void AssertLayerIsolated(Assembly layer, string rootNamespace, string[] forbiddenNamespaces, string[] forbiddenAssemblies)
    {
        var layerName = layer.GetName().Name;
        Verdict.SelectionIsNotEmpty(Types.InAssembly(layer).GetTypes(), $"types in {layerName}");
        Verdict.SelectionIsNotEmpty(layer.GetReferencedAssemblies(), $"assemblies referenced by {layerName}");

        Verdict.Holds(
            $"{layerName} must not use the namespaces {string.Join(", ", forbiddenNamespaces)} "
            + $"nor reference the assemblies {string.Join(", ", forbiddenAssemblies)}. Offending types and references:",
            LayerRules.TypesUsing(layer, rootNamespace, forbiddenNamespaces).Concat(LayerRules.ForbiddenReferences(layer, forbiddenAssemblies)));
    }
}
