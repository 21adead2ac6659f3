using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// Recounts <c>OthersReplyCount</c> with its new definition (docs/adr/0041): the topic author's own reply is left out
    /// only when both the topic and the reply carry a name. Before, an anonymous self-reply was left out too, so whether a
    /// topic stayed in 「まだ返信のない相談」 told who wrote an anonymous post. Only topics with such a reply change. Data
    /// only: the model does not change. Down puts back the old count.
    /// </summary>
    public partial class AnonymousRepliesCountAsAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Recount(anonymousCounts: true));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Recount(anonymousCounts: false));

        /// <summary>The recount for both providers (SQLite reads <c>TRUE</c> as 1), with the new rule or the old one.</summary>
        internal static string Recount(bool anonymousCounts)
        {
            var anonymous = anonymousCounts ? " OR \"Topics\".\"IsAnonymous\" = TRUE OR r.\"IsAnonymous\" = TRUE" : string.Empty;
            return $"""
                UPDATE "Topics" SET "OthersReplyCount" = (
                    SELECT COUNT(*) FROM "Replies" AS r
                    WHERE r."TopicId" = "Topics"."Id" AND r."DeletedAt" IS NULL AND r."Visibility" = 0
                      AND (r."AuthorId" <> "Topics"."AuthorId"{anonymous}))
                WHERE "Id" IN (
                    SELECT r."TopicId" FROM "Replies" AS r JOIN "Topics" AS t ON t."Id" = r."TopicId"
                    WHERE r."AuthorId" = t."AuthorId" AND (t."IsAnonymous" = TRUE OR r."IsAnonymous" = TRUE));
                """;
        }
    }
}
