using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Salon.Infrastructure.Persistence;

namespace Salon.IntegrationTests.Platform;

/// <summary>Both providers' migrations are kept current and apart. These need no server: they compare each
/// context's model with its own migrations' snapshot.</summary>
public sealed class MigrationTests
{
    private const string Fix = "The model changed without a migration: run scripts/add-migration.sh <Name> (adds one for SQLite and PostgreSQL).";

    [Fact]
    public void The_sqlite_model_has_no_changes_without_a_migration()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        Assert.True(db.Database.IsSqlite());
        Assert.False(db.Database.HasPendingModelChanges(), Fix);
    }

    [Fact]
    public void The_postgres_model_has_no_changes_without_a_migration()
    {
        using var db = new PostgresDesignTimeDbContextFactory().CreateDbContext([]);
        Assert.True(db.Database.IsNpgsql());
        Assert.False(db.Database.HasPendingModelChanges(), Fix);
    }

    [Fact]
    public void The_newest_migration_of_each_provider_is_the_one_a_start_checks_for()
    {
        // DatabaseInitializer skips EF Core's list of migrations when the history's newest is LatestMigrations'.
        using var sqlite = new DesignTimeDbContextFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeDbContextFactory().CreateDbContext([]);
        const string Update = "A migration was added: put its id in src/Infrastructure/Persistence/LatestMigrations.cs.";

        Assert.True(sqlite.Database.GetMigrations().Last() == LatestMigrations.Sqlite, Update);
        Assert.True(postgres.Database.GetMigrations().Last() == LatestMigrations.Postgres, Update);
    }

    [Fact]
    public void Each_provider_sees_only_its_own_migrations()
    {
        using var sqlite = new DesignTimeDbContextFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeDbContextFactory().CreateDbContext([]);

        var sqliteMigrations = sqlite.GetService<IMigrationsAssembly>().Migrations;
        var postgresMigrations = postgres.GetService<IMigrationsAssembly>().Migrations;

        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(postgresMigrations);
        Assert.All(sqliteMigrations.Values, t => Assert.Equal("Salon.Infrastructure.Persistence.Migrations.Sqlite", t.Namespace));
        Assert.All(postgresMigrations.Values, t => Assert.Equal("Salon.Infrastructure.Persistence.Migrations.Postgres", t.Namespace));
        Assert.Equal("Salon.Infrastructure.Persistence.Migrations.Sqlite", sqlite.GetService<IMigrationsAssembly>().ModelSnapshot!.GetType().Namespace);
        Assert.Equal("Salon.Infrastructure.Persistence.Migrations.Postgres", postgres.GetService<IMigrationsAssembly>().ModelSnapshot!.GetType().Namespace);
    }
}
