using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;
using Salon.Infrastructure.Persistence;
using static Salon.ArchitectureTests.SalonArchitecture;

namespace Salon.ArchitectureTests;

public class EndpointTests
{
    /// <summary>Module persistence ports: Application interfaces named I…Db, and any Application interface
    /// exposing a DbSet (so a port named otherwise is still caught).</summary>
    private static IReadOnlyList<Type> PersistencePorts =>
        ApplicationAssembly.GetTypes()
            .Where(t => t.IsInterface
                && ((t.Name.StartsWith('I') && t.Name.EndsWith("Db", StringComparison.Ordinal))
                    || t.GetProperties().Any(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))))
            .ToArray();

    [Fact]
    public void WebApi_never_touches_the_DbContext_or_a_persistence_port()
    {
        var ports = PersistencePorts;
        Verdict.SelectionIsNotEmpty(ports, "persistence ports (interfaces named I…Db in Salon.Application)");
        Verdict.SelectionIsNotEmpty(Types.InAssembly(WebApiAssembly).GetTypes(), "types in Salon.WebApi");

        string[] forbidden = [CecilName(typeof(SalonDbContext)), CecilName(typeof(DbContext)), .. ports.Select(CecilName)];
        var result = Types.InAssembly(WebApiAssembly).Should().NotHaveDependencyOnAny(forbidden).GetResult();

        Verdict.Holds(result, $"Endpoints go through the mediator; no WebApi type may use {string.Join(", ", forbidden)}:");
    }
}
