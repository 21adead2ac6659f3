using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Recounts <c>OthersReplyCount</c> with its new definition (docs/adr/0041): the topic author's own reply is left out
    /// only when both the topic and the reply carry a name. Before, an anonymous self-reply was left out too, so whether a
    /// topic stayed in 「まだ返信のない相談」 told who wrote an anonymous post. Only topics with such a reply change. Data
    /// only: the model does not change. Down puts back the old count. The same statement as SQLite's
    /// (<see cref="Sqlite.AnonymousRepliesCountAsAnswers.Recount"/>).
    /// </summary>
    public partial class AnonymousRepliesCountAsAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Sqlite.AnonymousRepliesCountAsAnswers.Recount(anonymousCounts: true));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Sqlite.AnonymousRepliesCountAsAnswers.Recount(anonymousCounts: false));
    }
}
