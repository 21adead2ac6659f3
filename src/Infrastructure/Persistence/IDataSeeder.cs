namespace Salon.Infrastructure.Persistence;

/// <summary>Idempotent seeding of a module's default data, run at start-up after migrations.</summary>
public interface IDataSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
