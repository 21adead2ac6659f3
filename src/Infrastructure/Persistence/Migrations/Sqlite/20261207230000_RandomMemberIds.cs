using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// Gives every member, and every sign-up not yet confirmed, whose id is not already random a new random id (UUID
    /// version 4), and changes every column that holds it (docs/adr/0058). Member ids were UUID version 7, which carries
    /// its creation time to the millisecond: a named author's id, public on their posts and profile, told when they signed
    /// up, while the profile promises the month only. New members get random ids (<c>Member.NewId</c>). Data only: the model does not change. Down changes
    /// nothing: the old ids are not kept anywhere (a random id is as good as the old one to the code that follows). Run
    /// again, it finds only random ids and changes nothing (the version is the id's 15th character in SQLite's text form).
    /// <para>Tokens signed before (their subject is the old id) are refused; the web client and API clients refresh with
    /// their refresh token, which belongs to a session, and get tokens for the new id. A member's anonymous posts stay
    /// anonymous: only the id changes, on every row at once.</para>
    /// <para>The identity user's name is the id too (without hyphens, <c>IdentityService</c>): changed with it.</para>
    /// <para>An e-mail's links name its member by id (<c>OutboxEmails.TextBody</c>, <c>HtmlBody</c>): those still in the
    /// outbox are changed too, before their <c>MemberId</c>. Links already mailed (to confirm an address, reset a password,
    /// change an address) name the old id and no longer work: the pages say so and offer a new link.</para>
    /// <para>An announcement's delivery goes through the members in id order and keeps the last id it reached
    /// (<c>AnnouncementDeliveries.AfterMemberId</c>). The new ids are in another order, so the mark is cleared: a delivery
    /// still under way starts again from the first member and skips those who already have its notice.</para>
    /// </summary>
    public partial class RandomMemberIds : Migration
    {
        /// <summary>Every column that holds a member's id (or a sign-up's, which becomes the member's) as this migration
        /// finds the schema, both providers, but the deliveries' mark, which is cleared (<see cref="ClearDeliveryMarks"/>).
        /// <c>RandomMemberIdsTests</c> checks that no other column holds one.</summary>
        public static IReadOnlyList<(string Table, string Column)> Columns { get; } =
        [
            ("Members", "Id"),
            ("SignUps", "Id"),
            ("AspNetUsers", "Id"),
            ("AspNetUserClaims", "UserId"),
            ("AspNetUserLogins", "UserId"),
            ("AspNetUserTokens", "UserId"),
            ("AnnouncementDeliveries", "AuthorId"),
            ("Announcements", "AuthorId"),
            ("AuditEntries", "ActorId"),
            ("AuditEntries", "TargetId"),
            ("CaringNotices", "MemberId"),
            ("DigestPreferences", "MemberId"),
            ("DigestRuns", "MemberId"),
            ("HiddenPosts", "MemberId"),
            ("MeetingApplications", "MemberId"),
            ("Meetings", "CreatedBy"),
            ("MemberBlocks", "BlockerId"),
            ("MemberBlocks", "BlockedId"),
            ("MemberSessions", "MemberId"),
            ("ModerationItems", "ResolvedBy"),
            ("ModerationItems", "SubjectMemberId"),
            ("NotificationPreferences", "MemberId"),
            ("Notifications", "MemberId"),
            ("OutboxEmails", "MemberId"),
            ("Reactions", "MemberId"),
            ("Replies", "AuthorId"),
            ("Reports", "ReporterId"),
            ("TopicBookmarks", "MemberId"),
            ("TopicFollows", "MemberId"),
            ("TopicReads", "MemberId"),
            ("Topics", "AuthorId"),
            ("UnsubscribeTokens", "MemberId"),
        ];

        /// <summary>Clears every announcement delivery's mark when any id changed (<paramref name="map"/> is the table of
        /// changes), both providers.</summary>
        public static string ClearDeliveryMarks(string map) =>
            $"""UPDATE "AnnouncementDeliveries" SET "AfterMemberId" = NULL WHERE EXISTS (SELECT 1 FROM {map});""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The member's row changes with the rows that point at it: foreign keys are checked at the commit.
            // The new ids: 16 random bytes as SQLite's TEXT form of a Guid (upper case, as EF Core writes it), with the
            // version (4) and variant (10xx) bits set. The bytes are stored first and shaped after, so that each id is
            // made from one draw of randomblob.
            migrationBuilder.Sql($"""
                PRAGMA defer_foreign_keys = ON;
                CREATE TEMP TABLE "MemberIdMap" ("Old" TEXT NOT NULL PRIMARY KEY, "Bytes" TEXT NOT NULL, "New" TEXT NULL);
                INSERT INTO temp."MemberIdMap" ("Old", "Bytes") SELECT "Id", upper(hex(randomblob(16))) FROM "Members" WHERE substr("Id", 15, 1) <> '4';
                INSERT INTO temp."MemberIdMap" ("Old", "Bytes") SELECT "Id", upper(hex(randomblob(16))) FROM "SignUps"
                    WHERE substr("Id", 15, 1) <> '4' AND "Id" NOT IN (SELECT "Old" FROM temp."MemberIdMap");
                UPDATE temp."MemberIdMap" SET "New" =
                    substr("Bytes", 1, 8) || '-' || substr("Bytes", 9, 4) || '-4' || substr("Bytes", 14, 3) || '-'
                    || substr('89AB', unicode(substr("Bytes", 17, 1)) % 4 + 1, 1) || substr("Bytes", 18, 3) || '-' || substr("Bytes", 21, 12);
                UPDATE "AspNetUsers" SET "UserName" = lower(replace(m."New", '-', '')), "NormalizedUserName" = upper(replace(m."New", '-', ''))
                    FROM temp."MemberIdMap" AS m WHERE m."Old" = "AspNetUsers"."Id";
                UPDATE "OutboxEmails" SET "TextBody" = replace("TextBody", lower(m."Old"), lower(m."New")), "HtmlBody" = replace("HtmlBody", lower(m."Old"), lower(m."New"))
                    FROM temp."MemberIdMap" AS m WHERE m."Old" = "OutboxEmails"."MemberId";
                {string.Concat(Columns.Select(c => $"""
                    UPDATE "{c.Table}" SET "{c.Column}" = m."New" FROM temp."MemberIdMap" AS m WHERE m."Old" = "{c.Table}"."{c.Column}";

                    """))}
                {ClearDeliveryMarks("temp.\"MemberIdMap\"")}
                DROP TABLE temp."MemberIdMap";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the old ids are gone, and the code before this migration reads random ids as well.
        }
    }
}
