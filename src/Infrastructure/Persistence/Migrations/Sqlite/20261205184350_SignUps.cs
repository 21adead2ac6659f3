using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SignUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Nickname = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HeldNickname = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FamilyPositions = table.Column<int>(type: "INTEGER", nullable: false),
                    TermsVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SensitiveInfoConsentVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TokenIssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignUps", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignUps_ExpiresAt",
                table: "SignUps",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_SignUps_HeldNickname",
                table: "SignUps",
                column: "HeldNickname",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignUps_NormalizedEmail_CreatedAt",
                table: "SignUps",
                columns: new[] { "NormalizedEmail", "CreatedAt" });

            // Accounts whose address was never confirmed become pending sign-ups (ADR 0017): they keep their id,
            // nickname, consent and password, and get a new confirmation link by asking for one again.
            migrationBuilder.Sql("""
                INSERT INTO "SignUps" ("Id", "Email", "NormalizedEmail", "PasswordHash", "Nickname", "HeldNickname", "FamilyPositions",
                    "TermsVersion", "SensitiveInfoConsentVersion", "CreatedAt", "ExpiresAt", "TokenHash", "TokenIssuedAt", "ConfirmedAt")
                SELECT m."Id", u."Email", u."NormalizedEmail", COALESCE(u."PasswordHash", ''), m."Nickname", m."NormalizedNickname", m."FamilyPositions",
                    m."TermsVersion", m."SensitiveInfoConsentVersion", m."CreatedAt", strftime('%Y-%m-%d %H:%M:%f', m."CreatedAt", '+7 days'), NULL, NULL, NULL
                FROM "Members" m JOIN "AspNetUsers" u ON u."Id" = m."Id"
                WHERE u."EmailConfirmed" = 0 AND u."Email" IS NOT NULL AND u."NormalizedEmail" IS NOT NULL AND m."Status" <> 2;
                DELETE FROM "MemberBlocks" WHERE "BlockedId" IN (SELECT "Id" FROM "SignUps") OR "BlockerId" IN (SELECT "Id" FROM "SignUps");
                DELETE FROM "AspNetUsers" WHERE "Id" IN (SELECT "Id" FROM "SignUps");
                DELETE FROM "Members" WHERE "Id" IN (SELECT "Id" FROM "SignUps");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignUps");
        }
    }
}
