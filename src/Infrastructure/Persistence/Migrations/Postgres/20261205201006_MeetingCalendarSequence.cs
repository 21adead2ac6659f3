using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MeetingCalendarSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CalendarSequence",
                table: "Meetings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Calendars that already imported a meeting saw SEQUENCE = Version; starting from there keeps the
            // number from going backwards (a lower SEQUENCE would make them ignore the next change).
            migrationBuilder.Sql("UPDATE \"Meetings\" SET \"CalendarSequence\" = \"Version\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CalendarSequence",
                table: "Meetings");
        }
    }
}
