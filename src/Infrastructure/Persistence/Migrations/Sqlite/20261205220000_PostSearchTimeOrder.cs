using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// Numbers the search index in time order (issue 15), so that a newest-first search reads the FTS5 index
    /// backwards (<c>ORDER BY rowid DESC</c>) and stops after a page instead of sorting every match.
    /// <para>
    /// A post's <c>PostSearchKeys.RowId</c> (which is also its FTS5 rowid) is
    /// <c>(milliseconds since 1970 of CreatedAt) &lt;&lt; 20</c> plus a sequence number within that millisecond. So
    /// rowid order is CreatedAt order to the millisecond, whatever order posts are inserted in (imports, seeding,
    /// clocks); inside one millisecond the search re-sorts exactly by (CreatedAt, PostId)
    /// (<c>SqlitePostSearch</c>). The existing keys are renumbered and the index rebuilt with the new rowids; the
    /// insert triggers hand out new keys the same way. Edits keep a post's key (CreatedAt never changes).
    /// </para>
    /// </summary>
    public partial class PostSearchTimeOrder : Migration
    {
        /// <summary>The millisecond of an EF Core SQLite DateTime ('yyyy-MM-dd HH:mm:ss.FFFFFFF'), as an integer,
        /// truncated (floor) like <c>SqlitePostSearch.Millisecond</c>. strftime, not unixepoch(): any SQLite 3.34+.</summary>
        internal static string Millisecond(string column) =>
            $"(CAST(strftime('%s', substr({column}, 1, 19)) AS INTEGER) * 1000 + CAST(substr(substr({column}, 21) || '000', 1, 3) AS INTEGER))";

        /// <summary>The next free key in the millisecond of <paramref name="createdAt"/>.</summary>
        internal static string NextKey(string createdAt) =>
            $"coalesce((SELECT max(RowId) + 1 FROM PostSearchKeys WHERE RowId >= ({Millisecond(createdAt)} << 20) AND RowId < (({Millisecond(createdAt)} + 1) << 20)), {Millisecond(createdAt)} << 20)";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_TopicInserted;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_ReplyInserted;");

            migrationBuilder.Sql("""
                CREATE TABLE PostSearchKeysByTime (
                    RowId INTEGER PRIMARY KEY,
                    PostId TEXT NOT NULL,
                    IsReply INTEGER NOT NULL
                );
                """);
            migrationBuilder.Sql($"""
                INSERT INTO PostSearchKeysByTime (RowId, PostId, IsReply)
                SELECT (Ms << 20) + row_number() OVER (PARTITION BY Ms ORDER BY CreatedAt, PostId) - 1, PostId, IsReply
                FROM (
                    SELECT Id AS PostId, 0 AS IsReply, CreatedAt, {Millisecond("CreatedAt")} AS Ms FROM Topics
                    UNION ALL
                    SELECT Id, 1, CreatedAt, {Millisecond("CreatedAt")} FROM Replies);
                """);
            migrationBuilder.Sql("INSERT INTO PostSearch (PostSearch) VALUES ('delete-all');");
            migrationBuilder.Sql("DELETE FROM PostSearchKeys;");
            migrationBuilder.Sql("INSERT INTO PostSearchKeys (RowId, PostId, IsReply) SELECT RowId, PostId, IsReply FROM PostSearchKeysByTime;");
            migrationBuilder.Sql("DROP TABLE PostSearchKeysByTime;");
            migrationBuilder.Sql("""
                INSERT INTO PostSearch (rowid, Title, Body)
                SELECT k.RowId, t.Title, t.Body FROM PostSearchKeys AS k JOIN Topics AS t ON t.Id = k.PostId WHERE k.IsReply = 0;
                """);
            migrationBuilder.Sql("""
                INSERT INTO PostSearch (rowid, Title, Body)
                SELECT k.RowId, NULL, r.Body FROM PostSearchKeys AS k JOIN Replies AS r ON r.Id = k.PostId WHERE k.IsReply = 1;
                """);

            migrationBuilder.Sql($"""
                CREATE TRIGGER PostSearch_TopicInserted AFTER INSERT ON Topics BEGIN
                    INSERT INTO PostSearchKeys (RowId, PostId, IsReply) VALUES ({NextKey("new.CreatedAt")}, new.Id, 0);
                    INSERT INTO PostSearch (rowid, Title, Body)
                    SELECT RowId, new.Title, new.Body FROM PostSearchKeys WHERE PostId = new.Id;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER PostSearch_ReplyInserted AFTER INSERT ON Replies BEGIN
                    INSERT INTO PostSearchKeys (RowId, PostId, IsReply) VALUES ({NextKey("new.CreatedAt")}, new.Id, 1);
                    INSERT INTO PostSearch (rowid, Title, Body)
                    SELECT RowId, NULL, new.Body FROM PostSearchKeys WHERE PostId = new.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The keys stay as numbered; new ones are handed out after the largest again (PostSearch's triggers).
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_TopicInserted;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_ReplyInserted;");
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_TopicInserted AFTER INSERT ON Topics BEGIN
                    INSERT INTO PostSearchKeys (PostId, IsReply) VALUES (new.Id, 0);
                    INSERT INTO PostSearch (rowid, Title, Body)
                    SELECT RowId, new.Title, new.Body FROM PostSearchKeys WHERE PostId = new.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_ReplyInserted AFTER INSERT ON Replies BEGIN
                    INSERT INTO PostSearchKeys (PostId, IsReply) VALUES (new.Id, 1);
                    INSERT INTO PostSearch (rowid, Title, Body)
                    SELECT RowId, NULL, new.Body FROM PostSearchKeys WHERE PostId = new.Id;
                END;
                """);
        }
    }
}
