namespace Salon.Infrastructure.Persistence;

/// <summary>The newest migration of each provider, so that a start on an up-to-date database can tell so from the
/// history table alone (<see cref="DatabaseInitializer"/>): EF Core's <c>GetPendingMigrations</c> lists the migrations by
/// reflecting over every type of this assembly, the compiled model's included, at every start (docs/performance.md).
/// Adding a migration means changing the constant here; <c>MigrationTests</c> fails until it is.</summary>
public static class LatestMigrations
{
    public const string Sqlite = "20261207230000_RandomMemberIds";

    public const string Postgres = "20261207230000_RandomMemberIds";
}
