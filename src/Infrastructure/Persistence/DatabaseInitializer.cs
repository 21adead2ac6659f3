using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Salon.Infrastructure.Persistence;

/// <summary>Applies migrations (WAL on for SQLite) and runs every module's seeder. On PostgreSQL, several
/// instances may start at once: migrating and seeding run under one advisory lock, so the second instance
/// waits and then finds nothing to do (the seeders check before inserting).</summary>
public static class DatabaseInitializer
{
    /// <summary>Session advisory lock around start-up initialisation (the key is any constant unique to Salon).
    /// Pooled connections outlive Close, so the lock is released explicitly.</summary>
    internal const string LockStartup = "SELECT pg_advisory_lock(5361626701)";

    internal const string UnlockStartup = "SELECT pg_advisory_unlock(5361626701)";

    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalonDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var directory = Path.GetDirectoryName(dataSource);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken))
            {
                await creator.CreateAsync(cancellationToken);
            }

            // Held on this context's connection, which migrating and seeding use, until the end.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync(LockStartup, cancellationToken);

                // EF Core finds out whether a new PostgreSQL database has a history table by querying it, and logs
                // the failure as an error; creating the (empty) table first is what Migrate does next anyway.
                await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
                try
                {
                    await MigrateAndSeedAsync(scope.ServiceProvider, db, logger, cancellationToken);
                    await WarnIfJapaneseHasNoTrigramsAsync(db, logger, cancellationToken);
                }
                finally
                {
                    await db.Database.ExecuteSqlRawAsync(UnlockStartup, CancellationToken.None);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return;
        }

        await MigrateAndSeedAsync(scope.ServiceProvider, db, logger, cancellationToken);
    }

    /// <summary>Whether the newest migration in the history table is this build's newest (<see cref="LatestMigrations"/>),
    /// in plain SQL. Anything else (no history yet, an older database, a newer one) goes through EF Core's own check.</summary>
    private static async Task<bool> AtLatestMigrationAsync(SalonDbContext db, CancellationToken cancellationToken)
    {
        var sqlite = db.Database.IsSqlite();
        if (sqlite && await db.CountAsync("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'", cancellationToken) == 0)
        {
            return false;
        }

        var newest = await db.ReadColumnAsync<string>(
            "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1", cancellationToken);
        return newest is [var id] && id == (sqlite ? LatestMigrations.Sqlite : LatestMigrations.Postgres);
    }

    /// <summary>pg_trgm takes words from letters as the database's LC_CTYPE classifies them; under the C locale
    /// Japanese has none, and search, still correct, scans every post.</summary>
    private static async Task WarnIfJapaneseHasNoTrigramsAsync(SalonDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var trigrams = await db.Database
            .SqlQueryRaw<int>("SELECT coalesce(array_length(show_trgm('相談です'), 1), 0) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (trigrams == 0)
        {
            logger.LogWarning(
                "PostgreSQL extracts no trigrams from Japanese text in this database (its LC_CTYPE is not a UTF-8 locale): search works but cannot use its index. Create the database with LC_CTYPE 'C.UTF-8' (docs/deploy.md).");
        }
    }

    private static async Task MigrateAndSeedAsync(IServiceProvider services, SalonDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        // The usual start finds the database at this build's newest migration and never asks EF Core for its list.
        if (!await AtLatestMigrationAsync(db, cancellationToken))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} database migration(s)", pending.Count);

                // A migration that builds an index over every post (PostSearchWeeks: 45 s at 100,000 topics) outlasts the
                // 30 s a request's statement may take; a start must not fail, and retry, for that.
                var timeout = db.Database.GetCommandTimeout();
                db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
                try
                {
                    await db.Database.MigrateAsync(cancellationToken);
                }
                finally
                {
                    db.Database.SetCommandTimeout(timeout);
                }
            }
        }

        // The readiness check need not ask again (PendingMigrationsHealthCheck).
        services.GetRequiredService<MigrationsState>().UpToDate = true;

        foreach (var seeder in services.GetServices<IDataSeeder>())
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }
}
