using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// Rebuilds the index of single characters (<c>PostSearchChars</c>, migration <c>PostSearchCharacters</c>) with
    /// FTS5's <c>detail=none</c>: the index keeps which posts hold each character, not where, so a pair such as 「姉が」 is
    /// searched as "both characters" and the <c>LIKE</c> recheck that every candidate already passes decides whether they
    /// are next to each other (issue 15, docs/adr/0037). Every post write indexes each of its characters; without
    /// positions that costs about half as much and the index is several times smaller. The triggers are unchanged: they
    /// name the table, not its options. Down puts back the index with positions.
    /// </summary>
    public partial class PostSearchCharactersWithoutPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE PostSearchChars;");
            PostSearchCharacters.CreateAndFill(migrationBuilder, withPositions: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE PostSearchChars;");
            PostSearchCharacters.CreateAndFill(migrationBuilder, withPositions: true);
        }
    }
}
