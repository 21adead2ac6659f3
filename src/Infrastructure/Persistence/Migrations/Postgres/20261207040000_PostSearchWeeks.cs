using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// An index of each post's trigrams <b>by week</b>, so that a search of 3+ characters reads candidates newest week
    /// first and stops after a bounded number (issue 15, docs/adr/0042). Hand-written: indexes on functions are not in the
    /// EF model, so the model snapshot does not change.
    /// <para>
    /// <c>salon_search_week(timestamptz)</c> is the week of a time (whole weeks since 1970, UTC). <c>salon_search_keys(created,
    /// text)</c> is the text's trigrams (each run of three characters, lower-cased), each prefixed with the week of
    /// <c>created</c> (<c>2906:主治医</c>); GIN indexes on them (<see cref="TopicIndex"/>, <see cref="ReplyIndex"/>) give, for
    /// one week, the posts that hold all of a query's trigrams, exactly (no recheck). <c>salon_search_query_trigrams(query)</c>
    /// is what a query's keys hold after the week (<c>:主治医</c>): at most three of its trigrams (the first, the middle and the
    /// last), enough to find few candidates, each one a lookup per week; a search computes them once and prefixes each
    /// week in SQL (calling a PL/pgSQL function per week cost 25 µs a week, most of a search that probes every week). pg_trgm's indexes cannot do this: they give every candidate of
    /// every week at once, in no order, so a search had to recheck them all or walk the posts newest first, and either could
    /// read most of the table. All three functions are <c>IMMUTABLE</c> in truth: the epoch of a time depends on no time
    /// zone, and <c>lower</c> is what the trigram indexes already rely on. PL/pgSQL for the loops; the keys' declared cost
    /// of 1000 keeps the planner from computing them row by row instead of using the index. The indexed function calls
    /// no other function of ours (it computes the week itself): <c>pg_restore</c> builds indexes with an empty
    /// <c>search_path</c>, where an unqualified call of ours is not found (<c>BackupTests</c>).
    /// </para>
    /// </summary>
    public partial class PostSearchWeeks : Migration
    {
        public const string TopicIndex = "IX_Topics_Search_Weeks";

        public const string ReplyIndex = "IX_Replies_Search_Weeks";

        /// <summary>The replies' index and the statement that creates it; <c>move-to-postgres</c> drops it before its copy and
        /// builds it after it (<c>PostgresTarget</c>). The expressions are the ones <c>PostgresPostSearch</c> queries.
        /// <c>fastupdate = off</c>: a post's keys go into the index as it is written, not into GIN's pending list, which every
        /// scan reads whole: a search scans these indexes once per week, and after 5,000 replies (a 3.4 MB pending list) a
        /// search that walked every week took 500 ms instead of 12 ms. Deleted posts (whose text an ordinary delete keeps)
        /// are not in them: a search never reads them, so deleting posts cannot make every search read more. The topics'
        /// index moved to a table of its own (migration <c>TopicSearchTexts</c>).</summary>
        public static (string Name, string Create) Reply { get; } =
            (ReplyIndex, $"""CREATE INDEX "{ReplyIndex}" ON "Replies" USING gin (salon_search_keys("CreatedAt", "Body")) WITH (fastupdate = off) WHERE "DeletedAt" IS NULL""");

        /// <summary>The topics' index as this migration created it (migration <c>TopicSearchTexts</c> drops it, and its
        /// <c>Down</c> builds it again).</summary>
        public static (string Name, string Create) Topic { get; } =
            (TopicIndex, $"""CREATE INDEX "{TopicIndex}" ON "Topics" USING gin ((salon_search_keys("CreatedAt", "Title") || salon_search_keys("CreatedAt", "Body"))) WITH (fastupdate = off) WHERE "DeletedAt" IS NULL""");

        private static IReadOnlyList<(string Name, string Create)> Indexes { get; } = [Topic, Reply];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION salon_search_week(t timestamptz) RETURNS integer
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
                $$ SELECT floor(extract(epoch FROM t) / 604800)::integer $$;

                CREATE FUNCTION salon_search_keys(created timestamptz, t text) RETURNS text[]
                LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
                DECLARE
                    week text := floor(extract(epoch FROM created) / 604800)::integer::text || ':';
                    c text[] := string_to_array(lower(t), NULL);
                    keys text[] := '{}';
                BEGIN
                    FOR i IN 1 .. cardinality(c) - 2 LOOP
                        keys := keys || (week || c[i] || c[i + 1] || c[i + 2]);
                    END LOOP;
                    RETURN keys;
                END
                $$;

                CREATE FUNCTION salon_search_query_trigrams(q text) RETURNS text[]
                LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
                DECLARE
                    c text[] := string_to_array(lower(q), NULL);
                    n integer := cardinality(c) - 2;
                    trigrams text[] := '{}';
                    i integer;
                BEGIN
                    FOR k IN 0 .. least(n, 3) - 1 LOOP
                        i := CASE WHEN n <= 3 THEN k + 1 ELSE 1 + (k * (n - 1)) / 2 END;
                        trigrams := trigrams || (':' || c[i] || c[i + 1] || c[i + 2]);
                    END LOOP;
                    RETURN trigrams;
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
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS salon_search_query_trigrams(text);");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS salon_search_keys(timestamptz, text);");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS salon_search_week(timestamptz);");
        }
    }
}
