using Microsoft.EntityFrameworkCore;
using Salon.Domain.Consultations;

namespace Salon.Infrastructure.Persistence;

/// <summary>
/// <see cref="SalonDbContext"/> on PostgreSQL. Same entities, ports and behaviour; a type of its own so that
/// EF Core finds only the migrations attributed to it (<c>Persistence/Migrations/Postgres</c>), while
/// <see cref="SalonDbContext"/> keeps the SQLite ones. What differs is only what PostgreSQL needs in the model:
/// the <c>pg_trgm</c> extension and the trigram GIN indexes that serve post search
/// (<see cref="Consultations.Search.PostgresPostSearch"/>).
/// </summary>
public sealed class PostgresSalonDbContext(DbContextOptions<PostgresSalonDbContext> options) : SalonDbContext(options)
{
    public const string ReplySearchIndex = "IX_Replies_Search_Trgm";

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

        // Substring search (ILIKE '%…%') over bodies: a GIN trigram index answers patterns with 3+ characters (see
        // PostgresPostSearch). A topic's text is indexed in a table of its own (migration TopicSearchTexts,
        // docs/adr/0045), outside the model, so that a reply, which rewrites its topic's row, does not re-index it.
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<Reply>()
            .HasIndex(r => r.Body, ReplySearchIndex)
            .HasMethod("gin")
            .HasOperators("gin_trgm_ops");
    }
}
