using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// A topic's searchable text in a table of its own, <c>TopicSearchTexts</c>, which carries the topics' search indexes
    /// instead of <c>Topics</c> (issue 15, docs/adr/0045). Every reply rewrites its topic's row (the counts and
    /// <c>LastActivityAt</c>, which is indexed, so the update is never HOT), and PostgreSQL then adds the new row version to
    /// every index of the table: with the three search indexes on <c>Topics</c> that re-indexed the topic's whole text on
    /// every reply — 1.6–1.8 ms per update for the bench's 135–280-character topics against 0.15–0.17 ms with the B-tree
    /// indexes alone, and about 20 ms for a topic of 10,000 characters. The side table's row changes only when the topic's
    /// text, time or deletion does.
    /// <para>
    /// A trigger keeps it: a row for every topic not deleted (<c>salon_topic_search_text</c>, after an insert, and after an
    /// update of <c>Title</c>, <c>Body</c>, <c>CreatedAt</c> or <c>DeletedAt</c> that changes them, with the <c>search_path</c>
    /// of the migration, so that it finds its table whatever the session's); a topic deleted loses its
    /// row, one deleted for good takes it with it (<c>ON DELETE CASCADE</c>). So the indexes hold no deleted topic (as the
    /// weekly index's <c>WHERE "DeletedAt" IS NULL</c> did). Hand-written: the table is PostgreSQL's alone and outside the EF
    /// model; the model loses the topics' trigram index (the generated part). <c>COPY</c> fires the trigger, so
    /// <c>move-to-postgres</c> fills the table as it copies the topics; <c>pg_dump</c> keeps the table's rows and restores
    /// the trigger after them.
    /// </para>
    /// </summary>
    public partial class TopicSearchTexts : Migration
    {
        public const string Table = "TopicSearchTexts";

        public const string TrigramIndex = "IX_TopicSearchTexts_Trgm";

        public const string GramsIndex = "IX_TopicSearchTexts_Grams";

        public const string WeeksIndex = "IX_TopicSearchTexts_Weeks";

        public const string TimeIndex = "IX_TopicSearchTexts_CreatedAt_TopicId";

        /// <summary>The side table's indexes: the three search indexes <c>Topics</c> had (pg_trgm's for a mixed short and long
        /// query, the characters and pairs of migration <c>ShortSearchGrams</c>, the weekly trigrams of migration
        /// <c>PostSearchWeeks</c>) and the time order the short search walks newest first. <c>move-to-postgres</c> drops them
        /// before its copy and builds them after it (<c>PostgresTarget</c>).</summary>
        public static IReadOnlyList<(string Name, string Create)> Indexes { get; } =
        [
            (TrigramIndex, $"""CREATE INDEX "{TrigramIndex}" ON "{Table}" USING gin ("Title" gin_trgm_ops, "Body" gin_trgm_ops)"""),
            (GramsIndex, $"""CREATE INDEX "{GramsIndex}" ON "{Table}" USING gin (salon_search_grams("Title"), salon_search_grams("Body"))"""),
            (WeeksIndex, $"""CREATE INDEX "{WeeksIndex}" ON "{Table}" USING gin ((salon_search_keys("CreatedAt", "Title") || salon_search_keys("CreatedAt", "Body"))) WITH (fastupdate = off)"""),
            (TimeIndex, $"""CREATE INDEX "{TimeIndex}" ON "{Table}" ("CreatedAt", "TopicId")"""),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Topics_Search_Trgm",
                table: "Topics");
            migrationBuilder.Sql($"DROP INDEX IF EXISTS \"{ShortSearchGrams.TopicIndex}\";");
            migrationBuilder.Sql($"DROP INDEX IF EXISTS \"{PostSearchWeeks.TopicIndex}\";");
            migrationBuilder.Sql($$"""
                CREATE TABLE "{{Table}}" (
                    "TopicId" uuid NOT NULL PRIMARY KEY REFERENCES "Topics" ("Id") ON DELETE CASCADE,
                    "CreatedAt" timestamp with time zone NOT NULL,
                    "Title" text NOT NULL,
                    "Body" text NOT NULL
                );

                CREATE FUNCTION salon_topic_search_text() RETURNS trigger
                LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
                BEGIN
                    IF NEW."DeletedAt" IS NULL THEN
                        INSERT INTO "{{Table}}" ("TopicId", "CreatedAt", "Title", "Body")
                        VALUES (NEW."Id", NEW."CreatedAt", NEW."Title", NEW."Body")
                        ON CONFLICT ("TopicId") DO UPDATE
                        SET "CreatedAt" = EXCLUDED."CreatedAt", "Title" = EXCLUDED."Title", "Body" = EXCLUDED."Body";
                    ELSE
                        DELETE FROM "{{Table}}" WHERE "TopicId" = NEW."Id";
                    END IF;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER salon_topic_search_text_inserted AFTER INSERT ON "Topics"
                FOR EACH ROW EXECUTE FUNCTION salon_topic_search_text();

                CREATE TRIGGER salon_topic_search_text_changed AFTER UPDATE OF "Title", "Body", "CreatedAt", "DeletedAt" ON "Topics"
                FOR EACH ROW
                WHEN (OLD."Title" IS DISTINCT FROM NEW."Title" OR OLD."Body" IS DISTINCT FROM NEW."Body"
                      OR OLD."CreatedAt" IS DISTINCT FROM NEW."CreatedAt" OR (OLD."DeletedAt" IS NULL) <> (NEW."DeletedAt" IS NULL))
                EXECUTE FUNCTION salon_topic_search_text();

                INSERT INTO "{{Table}}" ("TopicId", "CreatedAt", "Title", "Body")
                SELECT "Id", "CreatedAt", "Title", "Body" FROM "Topics" WHERE "DeletedAt" IS NULL;
                """);
            foreach (var (_, create) in Indexes)
            {
                migrationBuilder.Sql(create + ";");
            }

            migrationBuilder.Sql($"ANALYZE \"{Table}\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS salon_topic_search_text_changed ON \"Topics\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS salon_topic_search_text_inserted ON \"Topics\";");
            migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{Table}\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS salon_topic_search_text();");
            migrationBuilder.Sql(ShortSearchGrams.Topic.Create + ";");
            migrationBuilder.Sql(PostSearchWeeks.Topic.Create + ";");
            migrationBuilder.CreateIndex(
                name: "IX_Topics_Search_Trgm",
                table: "Topics",
                columns: new[] { "Title", "Body" })
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops", "gin_trgm_ops" });
        }
    }
}
