using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Indexes for searches of one or two characters (issue 15, docs/adr/0035), which pg_trgm cannot serve. Hand-written:
    /// an index on a function is not in the EF model, so the model snapshot does not change.
    /// <para>
    /// <c>salon_search_grams(text)</c> is a text's characters and pairs of adjacent characters, with ASCII letters
    /// lower-cased (the short search folds ASCII case only, like SQLite's <c>LIKE</c>), as a <c>text[]</c> (repeats
    /// included; GIN keeps each key once). GIN indexes on it (<see cref="TopicIndex"/>, <see cref="ReplyIndex"/>) find the
    /// posts holding a character or a pair (<c>PostgresPostSearch</c>). It is <c>IMMUTABLE</c> in truth: <c>translate</c>
    /// of ASCII letters depends on no locale. PL/pgSQL, because it is about six times faster than the same in SQL with a
    /// window function (17 µs against 100 µs for a reply of 62 characters); its declared cost of 10 is what lets the
    /// planner still walk the posts newest first for a common character (docs/adr/0035).
    /// </para>
    /// </summary>
    public partial class ShortSearchGrams : Migration
    {
        public const string TopicIndex = "IX_Topics_Search_Grams";

        public const string ReplyIndex = "IX_Replies_Search_Grams";

        /// <summary>The replies' index and the statement that creates it; <c>move-to-postgres</c> drops it before its copy and
        /// builds it after it, like the trigram indexes of the model (<c>PostgresTarget</c>). The topics' index moved to a
        /// table of its own (migration <c>TopicSearchTexts</c>).</summary>
        public static (string Name, string Create) Reply { get; } =
            (ReplyIndex, $"""CREATE INDEX "{ReplyIndex}" ON "Replies" USING gin (salon_search_grams("Body"))""");

        /// <summary>The topics' index as this migration created it (migration <c>TopicSearchTexts</c> drops it, and its
        /// <c>Down</c> builds it again).</summary>
        public static (string Name, string Create) Topic { get; } =
            (TopicIndex, $"""CREATE INDEX "{TopicIndex}" ON "Topics" USING gin (salon_search_grams("Title"), salon_search_grams("Body"))""");

        private static IReadOnlyList<(string Name, string Create)> Indexes { get; } = [Topic, Reply];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION salon_search_grams(t text) RETURNS text[]
                LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 10 AS $$
                DECLARE
                    c text[] := string_to_array(translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), NULL);
                    grams text[] := c;
                BEGIN
                    FOR i IN 1 .. cardinality(c) - 1 LOOP
                        grams := grams || (c[i] || c[i + 1]);
                    END LOOP;
                    RETURN grams;
                END
                $$;
                """);
            foreach (var (_, create) in Indexes)
            {
                migrationBuilder.Sql(create + ";");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP INDEX IF EXISTS \"{ReplyIndex}\";");
            migrationBuilder.Sql($"DROP INDEX IF EXISTS \"{TopicIndex}\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS salon_search_grams(text);");
        }
    }
}
