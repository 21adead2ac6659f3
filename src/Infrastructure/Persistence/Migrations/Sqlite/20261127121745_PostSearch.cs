using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// Japanese full-text search over topics and replies (SQLite FTS5, trigram tokenizer), kept in sync by
    /// triggers. Hand-written: none of this is in the EF model, so the model snapshot does not change.
    /// <para>
    /// Layout. <c>PostSearch</c> is a <em>contentless</em> FTS5 table (<c>content=''</c>): it holds only the
    /// trigram index, not a second copy of every title and body. Its rowid comes from
    /// <c>PostSearchKeys</c>, an ordinary table with an INTEGER PRIMARY KEY (stable, unlike the implicit
    /// rowid of <c>Topics</c>/<c>Replies</c>, which VACUUM may renumber) and a unique <c>PostId</c>, so a
    /// trigger finds a post's index row by key instead of scanning, and a search joins a hit back to its
    /// post in one index lookup. An external-content table was not an option: it needs one content table
    /// with a stable integer key, and posts live in two tables keyed by GUID.
    /// </para>
    /// <para>
    /// A contentless table forgets what it indexed, so removing a row needs the original values (the FTS5
    /// <c>'delete'</c> command); the triggers pass <c>old.Title</c>/<c>old.Body</c>, which are exactly what was
    /// indexed. This works on any SQLite with the trigram tokenizer (3.34+), so the sqlite3 shell of an
    /// older distribution can still write to these tables (<c>contentless_delete=1</c> would need 3.43+).
    /// If the index is ever in doubt, rebuild it: <c>INSERT INTO PostSearch(PostSearch) VALUES('delete-all')</c>,
    /// then run the two backfill INSERTs into <c>PostSearch</c> below.
    /// </para>
    /// <para>
    /// Two columns, Title (NULL for replies) and Body, so ranking can weight a title match above a body
    /// match (<c>bm25(PostSearch, 2.0, 1.0)</c>). The raw text is indexed: SQLite cannot NFKC-normalise, so
    /// the search normalises nothing on the stored side and instead also searches the NFKC form of the
    /// query (see <c>SqlitePostSearch</c>). The trigram tokenizer folds case (ASCII and other cased scripts
    /// such as full-width Latin and Greek) and needs 3 characters (code points) to match; shorter queries use
    /// a LIKE scan of the posts instead.
    /// </para>
    /// </summary>
    public partial class PostSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE PostSearchKeys (
                    RowId INTEGER PRIMARY KEY,
                    PostId TEXT NOT NULL UNIQUE,
                    IsReply INTEGER NOT NULL
                );
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE PostSearch USING fts5(Title, Body, content='', tokenize='trigram');
                """);

            // Backfill the posts written before this migration.
            migrationBuilder.Sql("INSERT INTO PostSearchKeys (PostId, IsReply) SELECT Id, 0 FROM Topics;");
            migrationBuilder.Sql("INSERT INTO PostSearchKeys (PostId, IsReply) SELECT Id, 1 FROM Replies;");
            migrationBuilder.Sql("""
                INSERT INTO PostSearch (rowid, Title, Body)
                SELECT k.RowId, t.Title, t.Body FROM PostSearchKeys AS k JOIN Topics AS t ON t.Id = k.PostId WHERE k.IsReply = 0;
                """);
            migrationBuilder.Sql("""
                INSERT INTO PostSearch (rowid, Title, Body)
                SELECT k.RowId, NULL, r.Body FROM PostSearchKeys AS k JOIN Replies AS r ON r.Id = k.PostId WHERE k.IsReply = 1;
                """);

            // Topics. Ids never change, so old.Id and new.Id are the same post.
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_TopicInserted AFTER INSERT ON Topics BEGIN
                    INSERT INTO PostSearchKeys (PostId, IsReply) VALUES (new.Id, 0);
                    INSERT INTO PostSearch (rowid, Title, Body)
                    SELECT RowId, new.Title, new.Body FROM PostSearchKeys WHERE PostId = new.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_TopicEdited AFTER UPDATE OF Title, Body ON Topics BEGIN
                    INSERT INTO PostSearch (PostSearch, rowid, Title, Body)
                    SELECT 'delete', RowId, old.Title, old.Body FROM PostSearchKeys WHERE PostId = old.Id;
                    INSERT INTO PostSearch (rowid, Title, Body)
                    SELECT RowId, new.Title, new.Body FROM PostSearchKeys WHERE PostId = old.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_TopicDeleted AFTER DELETE ON Topics BEGIN
                    INSERT INTO PostSearch (PostSearch, rowid, Title, Body)
                    SELECT 'delete', RowId, old.Title, old.Body FROM PostSearchKeys WHERE PostId = old.Id;
                    DELETE FROM PostSearchKeys WHERE PostId = old.Id;
                END;
                """);

            // Replies (also removed by the ON DELETE CASCADE from Topics, which fires this trigger).
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_ReplyInserted AFTER INSERT ON Replies BEGIN
                    INSERT INTO PostSearchKeys (PostId, IsReply) VALUES (new.Id, 1);
                    INSERT INTO PostSearch (rowid, Title, Body)
                    SELECT RowId, NULL, new.Body FROM PostSearchKeys WHERE PostId = new.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_ReplyEdited AFTER UPDATE OF Body ON Replies BEGIN
                    INSERT INTO PostSearch (PostSearch, rowid, Title, Body)
                    SELECT 'delete', RowId, NULL, old.Body FROM PostSearchKeys WHERE PostId = old.Id;
                    INSERT INTO PostSearch (rowid, Title, Body)
                    SELECT RowId, NULL, new.Body FROM PostSearchKeys WHERE PostId = old.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_ReplyDeleted AFTER DELETE ON Replies BEGIN
                    INSERT INTO PostSearch (PostSearch, rowid, Title, Body)
                    SELECT 'delete', RowId, NULL, old.Body FROM PostSearchKeys WHERE PostId = old.Id;
                    DELETE FROM PostSearchKeys WHERE PostId = old.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_ReplyDeleted;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_ReplyEdited;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_ReplyInserted;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_TopicDeleted;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_TopicEdited;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_TopicInserted;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS PostSearch;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS PostSearchKeys;");
        }
    }
}
