using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Salon.Infrastructure.Persistence;

/// <summary>For <c>dotnet ef migrations add --context SalonDbContext</c>: the SQLite model, no application host needed.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SalonDbContext>
{
    public SalonDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SalonDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable("__EFMigrationsHistory"))
            .Options);
}
