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
    public const string TopicSearchIndex = "IX_Topics_Search_Trgm";

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

        // Substring search (ILIKE '%…%') over titles and bodies: a GIN trigram index answers patterns with
        // 3+ characters; shorter ones cannot be served by trigrams and scan (see PostgresPostSearch).
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<Topic>()
            .HasIndex(t => new { t.Title, t.Body }, TopicSearchIndex)
            .HasMethod("gin")
            .HasOperators("gin_trgm_ops", "gin_trgm_ops");
        builder.Entity<Reply>()
            .HasIndex(r => r.Body, ReplySearchIndex)
            .HasMethod("gin")
            .HasOperators("gin_trgm_ops");
    }
}
