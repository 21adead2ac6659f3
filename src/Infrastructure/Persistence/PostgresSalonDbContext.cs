using Microsoft.EntityFrameworkCore;

namespace Salon.Infrastructure.Persistence;

/// <summary>
/// <see cref="SalonDbContext"/> on PostgreSQL. Same entities, ports and behaviour; a type of its own so that
/// EF Core finds only the migrations attributed to it (<c>Persistence/Migrations/Postgres</c>), while
/// <see cref="SalonDbContext"/> keeps the SQLite ones. What differs in the model is only the <c>pg_trgm</c> extension;
/// post search's indexes (<see cref="Consultations.Search.PostgresPostSearch"/>) are PostgreSQL's own, outside the model.
/// </summary>
public sealed class PostgresSalonDbContext(DbContextOptions<PostgresSalonDbContext> options) : SalonDbContext(options)
{
    /// <summary>The provider settings every PostgreSQL context uses (the app's, and the one <c>move-to-postgres</c> migrates with).</summary>
    public static DbContextOptionsBuilder<TContext> Configure<TContext>(DbContextOptionsBuilder<TContext> options, string connectionString)
        where TContext : DbContext
    {
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"));
        return options;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // pg_trgm: the extension search once used for its GIN trigram indexes (dropped by migration UnreadTrigramIndexes:
        // no search read them, docs/adr/0042, 0051). Kept in the model so that databases and their backups stay as
        // they are; search's own indexes are outside the model (migrations PostSearchWeeks, TopicSearchTexts,
        // ShortSearchWeeks).
        builder.HasPostgresExtension("pg_trgm");
    }
}
