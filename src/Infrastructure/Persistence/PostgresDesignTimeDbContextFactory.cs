using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Salon.Infrastructure.Persistence;

/// <summary>For <c>dotnet ef migrations add --context PostgresSalonDbContext</c>: the PostgreSQL model. Adding a
/// migration does not connect; <c>dotnet ef database update</c> takes the real server with <c>--connection</c>.</summary>
public sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresSalonDbContext>
{
    public PostgresSalonDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresSalonDbContext>()
            .UseNpgsql("Host=localhost;Database=salon", o => o.MigrationsHistoryTable("__EFMigrationsHistory"))
            .Options);
}
