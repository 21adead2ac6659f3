using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// An index of each post's characters and pairs <b>by week</b>, so that a search of 1–2 characters reads its candidates
    /// newest week first, as a search of 3+ characters does with migration <see cref="PostSearchWeeks"/> (issue 15,
    /// docs/adr/0051). Hand-written: indexes on functions are not in the EF model, so the model snapshot does not change.
    /// <para>
    /// <c>salon_search_short_keys(created, text)</c> is what <c>salon_search_grams(text)</c> is (migration
    /// <see cref="ShortSearchGrams"/>: the characters and adjacent pairs, ASCII letters lower-cased), each prefixed with the week
    /// of <c>created</c> (<c>2906:薬</c>). The index of characters and pairs without weeks (<see cref="ShortSearchGrams"/>) had
    /// no time order: a search either walked the posts newest first testing each (cost: the newer posts without the
    /// characters; 270,000 of them made 「薬」 take 127–144 ms of database CPU) or took every post holding them and sorted them
    /// all. Nothing else reads those indexes, so they are dropped here: the write cost of a post stays one index of its
    /// characters and pairs. The function computes the week itself and calls no other function of ours (<c>pg_restore</c>
    /// builds indexes with an empty <c>search_path</c>, <c>BackupTests</c>); its declared cost of 1000 keeps the planner from
    /// computing it row by row instead of using the index. No deleted reply (partial, as the weekly trigram index of
    /// docs/adr/0042); the topics' side table holds no deleted topic (docs/adr/0045). The topics' index has
    /// <c>fastupdate = off</c>, as the weekly trigram indexes: a search probes it once per week, and every probe reads GIN's
    /// whole pending list. The replies' index keeps <c>fastupdate</c> on with the smallest pending list (64 kB, a few dozen
    /// replies): a reply adds about two keys a character, and inserting them one by one into the index cost 0.55–0.6 times
    /// the reply inserts per second of the old index (whose 4 MB list took them in batches); with 64 kB, 0.93 times, and a
    /// search reads at most 8 pending pages per probe (no difference beyond this machine's spread, docs/adr/0051).
    /// </para>
    /// </summary>
    public partial class ShortSearchWeeks : Migration
    {
        public const string TopicIndex = "IX_TopicSearchTexts_ShortWeeks";

        public const string ReplyIndex = "IX_Replies_Search_ShortWeeks";

        /// <summary>The two indexes and the statements that create them; <c>move-to-postgres</c> drops them before its copy and
        /// builds them after it (<c>PostgresTarget</c>). The expressions are the ones <c>PostgresPostSearch</c> queries.</summary>
        public static (string Name, string Create) Topic { get; } =
            (TopicIndex, $"""CREATE INDEX "{TopicIndex}" ON "{TopicSearchTexts.Table}" USING gin ((salon_search_short_keys("CreatedAt", "Title") || salon_search_short_keys("CreatedAt", "Body"))) WITH (fastupdate = off)""");

        public static (string Name, string Create) Reply { get; } =
            (ReplyIndex, $"""CREATE INDEX "{ReplyIndex}" ON "Replies" USING gin (salon_search_short_keys("CreatedAt", "Body")) WITH (fastupdate = on, gin_pending_list_limit = 64) WHERE "DeletedAt" IS NULL""");

        /// <summary>The search indexes outside the EF model as they are after this migration: the topics' side table's
        /// (without its characters and pairs without weeks) and the replies' weekly ones.</summary>
        public static IReadOnlyList<(string Name, string Create)> Indexes { get; } =
        [
            .. TopicSearchTexts.Indexes.Where(i => i.Name != TopicSearchTexts.GramsIndex),
            Topic,
            PostSearchWeeks.Reply,
            Reply,
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION salon_search_short_keys(created timestamptz, t text) RETURNS text[]
                LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
                DECLARE
                    week text := floor(extract(epoch FROM created) / 604800)::integer::text || ':';
                    c text[] := string_to_array(translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), NULL);
                    n integer := cardinality(c);
                    keys text[] := '{}';
                BEGIN
                    FOR i IN 1 .. n LOOP
                        keys := keys || (week || c[i]);
                        IF i < n THEN
                            keys := keys || (week || c[i] || c[i + 1]);
                        END IF;
                    END LOOP;
                    RETURN keys;
                END
                $$;
                """);
            migrationBuilder.Sql($"DROP INDEX IF EXISTS \"{TopicSearchTexts.GramsIndex}\";");
            migrationBuilder.Sql($"DROP INDEX IF EXISTS \"{ShortSearchGrams.ReplyIndex}\";");
            migrationBuilder.Sql(Topic.Create + ";");
            migrationBuilder.Sql(Reply.Create + ";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP INDEX IF EXISTS \"{ReplyIndex}\";");
            migrationBuilder.Sql($"DROP INDEX IF EXISTS \"{TopicIndex}\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS salon_search_short_keys(timestamptz, text);");
            migrationBuilder.Sql(TopicSearchTexts.Indexes.Single(i => i.Name == TopicSearchTexts.GramsIndex).Create + ";");
            migrationBuilder.Sql(ShortSearchGrams.Reply.Create + ";");
        }
    }
}
