using Microsoft.EntityFrameworkCore;
using Salon.ArchitectureTests.Rules;
using Salon.Infrastructure.Persistence;
using static Salon.ArchitectureTests.SalonArchitecture;

namespace Salon.ArchitectureTests;

public class EndpointTests
{
    internal static readonly string[] DbContexts = [CecilName(typeof(SalonDbContext)), CecilName(typeof(DbContext))];

    [Fact]
    public void WebApi_never_touches_the_DbContext_or_a_persistence_port()
    {
        Verdict.SelectionIsNotEmpty(PlacementRules.PersistencePorts(Codebase.Salon), "persistence ports (interfaces named I…Db in Salon.Application)");
        Verdict.SelectionIsNotEmpty(WebApiAssembly.GetTypes(), "types in Salon.WebApi");

        Verdict.Holds(
            "Endpoints go through the mediator; no WebApi type may use the DbContext or a persistence port:",
            PlacementRules.EndpointsUseNoPersistence(Codebase.Salon, DbContexts));
    }
}
