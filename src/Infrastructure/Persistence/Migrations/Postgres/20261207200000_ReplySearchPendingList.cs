using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The replies' weekly index of character triples (<c>IX_Replies_Search_Weeks</c>, migration <see cref="PostSearchWeeks"/>)
    /// takes a reply's keys into GIN's pending list, as the replies' index of characters and pairs already does (migration
    /// <see cref="ShortSearchWeeks"/>), with the same smallest list (64 kB, a few dozen replies), instead of inserting each key
    /// into the index one by one (<c>fastupdate = off</c>). That index cost about half of a reply's <c>INSERT</c> (3,000 replies in
    /// one statement: 2.0 s with it, 1.0 s without): one by one they took 3.2–3.5 s with it, 1.9–2.3 s with the pending list,
    /// 0.13 s without either search index; eight
    /// writers at once inserted 1.45–2 times as many replies a second (docs/adr/0057). A search reads the pending list whole
    /// once per week it probes; at 64 kB that is at most 8 pages a probe. The topics' indexes keep <c>fastupdate = off</c>
    /// (topics are written far less often).
    /// </summary>
    public partial class ReplySearchPendingList : Migration
    {
        /// <summary>The replies' weekly index of triples as this migration leaves it.</summary>
        public static (string Name, string Create) Reply { get; } =
            (PostSearchWeeks.ReplyIndex, $"""CREATE INDEX "{PostSearchWeeks.ReplyIndex}" ON "Replies" USING gin (salon_search_keys("CreatedAt", "Body")) WITH (fastupdate = on, gin_pending_list_limit = 64) WHERE "DeletedAt" IS NULL""");

        /// <summary>The search indexes outside the EF model as they are after this migration; <c>move-to-postgres</c> drops
        /// them before its copy and builds them after it (<c>PostgresTarget</c>).</summary>
        public static IReadOnlyList<(string Name, string Create)> Indexes { get; } =
            [.. UnreadTrigramIndexes.Indexes.Select(i => i.Name == Reply.Name ? Reply : i)];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql($"""ALTER INDEX IF EXISTS "{PostSearchWeeks.ReplyIndex}" SET (fastupdate = on, gin_pending_list_limit = 64);""");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Turning fastupdate off leaves the pending entries where they are until the next flush: flush them now.
            migrationBuilder.Sql($"""ALTER INDEX IF EXISTS "{PostSearchWeeks.ReplyIndex}" SET (fastupdate = off);""");
            migrationBuilder.Sql($"""ALTER INDEX IF EXISTS "{PostSearchWeeks.ReplyIndex}" RESET (gin_pending_list_limit);""");
            migrationBuilder.Sql($"""SELECT gin_clean_pending_list(c.oid) FROM pg_class AS c WHERE c.relname = '{PostSearchWeeks.ReplyIndex}' AND c.relkind = 'i';""");
        }
    }
}
