using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Drops the two pg_trgm GIN indexes that no search reads any more: the replies' (<c>IX_Replies_Search_Trgm</c>, in the
    /// EF model) and the topics' side table's (<c>IX_TopicSearchTexts_Trgm</c>, migration <see cref="TopicSearchTexts"/>).
    /// Search reads its candidates from the weekly indexes (migrations <see cref="PostSearchWeeks"/> and
    /// <see cref="ShortSearchWeeks"/>, docs/adr/0042, 0051) and tests each candidate with <c>LIKE</c>/<c>ILIKE</c>, whose
    /// short patterns are wrapped so that pg_trgm's indexes are not used; after searches of every kind on the bench database
    /// (1–2 characters, 3+, mixed, ASCII, both orders) both indexes had been scanned 0 times, the weekly ones about 1,000
    /// times. Every reply still updated the replies' one (its 4 MB pending list flushed by a writer now and then, inside its
    /// transaction): without the two, replies on PostgreSQL ran 2–5 % faster in each of three alternating pairs
    /// (docs/performance-2026-12-07-fifteenth.md, section 6; issue 15). The <c>pg_trgm</c> extension stays.
    /// </summary>
    public partial class UnreadTrigramIndexes : Migration
    {
        /// <summary>The search indexes outside the EF model as they are after this migration; <c>move-to-postgres</c> drops
        /// them before its copy and builds them after it (<c>PostgresTarget</c>).</summary>
        public static IReadOnlyList<(string Name, string Create)> Indexes { get; } =
            [.. ShortSearchWeeks.Indexes.Where(i => i.Name != TopicSearchTexts.TrigramIndex)];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // IF EXISTS: a database moved by an interrupted move-to-postgres may lack what the move rebuilds last.
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Replies_Search_Trgm\";");
            migrationBuilder.Sql($"DROP INDEX IF EXISTS \"{TopicSearchTexts.TrigramIndex}\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Replies_Search_Trgm",
                table: "Replies",
                column: "Body")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
            migrationBuilder.Sql(TopicSearchTexts.Indexes.Single(i => i.Name == TopicSearchTexts.TrigramIndex).Create + ";");
        }
    }
}
