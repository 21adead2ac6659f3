using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneOpenModerationItem : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ModerationItems_OneOpenPerPostAndKind",
                table: "ModerationItems",
                columns: new[] { "PostId", "Kind" },
                unique: true,
                filter: "\"Status\" = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ModerationItems_OneOpenPerPostAndKind",
                table: "ModerationItems");
        }
    }
}
