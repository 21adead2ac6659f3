using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Gives every member, and every sign-up not yet confirmed, whose id is not already random a new random id
    /// (<c>gen_random_uuid()</c>, UUID version 4), and changes every column that holds it: the same columns as SQLite's
    /// migration of the same name (<see cref="Sqlite.RandomMemberIds.Columns"/>; docs/adr/0058). The identity user's name
    /// and the e-mails' links are changed and every announcement delivery's mark is cleared, as there. The foreign keys to
    /// the member and to the identity user are made deferrable for the change, checked, and made not deferrable again.
    /// Data only; Down changes nothing.
    /// </summary>
    public partial class RandomMemberIds : Migration
    {
        /// <summary>The foreign keys whose rows change with the member's: (table, constraint).</summary>
        private static readonly (string Table, string Constraint)[] ForeignKeys =
        [
            ("AspNetUsers", "FK_AspNetUsers_Members_Id"),
            ("AspNetUserClaims", "FK_AspNetUserClaims_AspNetUsers_UserId"),
            ("AspNetUserLogins", "FK_AspNetUserLogins_AspNetUsers_UserId"),
            ("AspNetUserTokens", "FK_AspNetUserTokens_AspNetUsers_UserId"),
            ("MemberBlocks", "FK_MemberBlocks_Members_BlockedId"),
            ("MemberBlocks", "FK_MemberBlocks_Members_BlockerId"),
            ("MemberSessions", "FK_MemberSessions_Members_MemberId"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                {string.Concat(ForeignKeys.Select(k => $"""
                    ALTER TABLE "{k.Table}" ALTER CONSTRAINT "{k.Constraint}" DEFERRABLE INITIALLY DEFERRED;

                    """))}
                CREATE TEMP TABLE member_id_map ("Old" uuid PRIMARY KEY, "New" uuid NOT NULL);
                INSERT INTO member_id_map ("Old", "New") SELECT "Id", gen_random_uuid() FROM "Members" WHERE substr("Id"::text, 15, 1) <> '4';
                INSERT INTO member_id_map ("Old", "New") SELECT "Id", gen_random_uuid() FROM "SignUps"
                    WHERE substr("Id"::text, 15, 1) <> '4' AND "Id" NOT IN (SELECT "Old" FROM member_id_map);
                ANALYZE member_id_map;
                UPDATE "AspNetUsers" SET "UserName" = replace(m."New"::text, '-', ''), "NormalizedUserName" = upper(replace(m."New"::text, '-', ''))
                    FROM member_id_map AS m WHERE m."Old" = "AspNetUsers"."Id";
                UPDATE "OutboxEmails" SET "TextBody" = replace("TextBody", m."Old"::text, m."New"::text), "HtmlBody" = replace("HtmlBody", m."Old"::text, m."New"::text)
                    FROM member_id_map AS m WHERE m."Old" = "OutboxEmails"."MemberId";
                {string.Concat(Sqlite.RandomMemberIds.Columns.Select(c => $"""
                    UPDATE "{c.Table}" SET "{c.Column}" = m."New" FROM member_id_map AS m WHERE m."Old" = "{c.Table}"."{c.Column}";

                    """))}
                {Sqlite.RandomMemberIds.ClearDeliveryMarks("member_id_map")}
                SET CONSTRAINTS ALL IMMEDIATE;
                {string.Concat(ForeignKeys.Select(k => $"""
                    ALTER TABLE "{k.Table}" ALTER CONSTRAINT "{k.Constraint}" NOT DEFERRABLE;

                    """))}
                DROP TABLE member_id_map;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the old ids are gone, and the code before this migration reads random ids as well.
        }
    }
}
