using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salon.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// An index of single characters for searches of one or two characters (「薬」, 「姉が」), which the trigram index
    /// cannot serve (issue 15, docs/adr/0035). Hand-written, like <c>PostSearch</c>: nothing here is in the EF model.
    /// <para>
    /// <c>PostSearchChars</c> is a second contentless FTS5 table with the same rowids as <c>PostSearch</c> (the
    /// <c>PostSearchKeys</c>, in time order), over each title and body <em>with a space after every character</em>. Its
    /// <c>unicode61</c> tokenizer is told that every character is a token character (all Unicode categories) except the
    /// ASCII space, so each character of the text is one token and a pair is a two-token phrase. A search reads it
    /// backwards in rowid order and stops after a page, like a newest-first trigram search, and rechecks each
    /// candidate with <c>LIKE</c> (<c>SqlitePostSearch</c>), so what matches is exactly what the walk of ADR 0031 matched.
    /// </para>
    /// <para>
    /// The spaced text is made in SQL, in the triggers (<see cref="Spaced"/>): a trigger cannot use <c>WITH</c>, so the
    /// characters are numbered by joining the table <c>PostSearchCharNumbers</c> (0–9,999). SQLite's <c>substr</c> counts
    /// characters from the start of the text, so taking each character of a 10,000-character body directly would cost
    /// 50 million steps (about 48 ms); the text is first cut into chunks of 100 characters and each chunk into
    /// characters (about 5 ms for 10,000, about 50 µs for a typical post). Up to 1,000,000 characters are indexed; a post
    /// is at most 10,000. The characters are put in order by the subquery's <c>ORDER BY</c>, which <c>group_concat</c>
    /// follows, not by <c>group_concat(… ORDER BY …)</c>: that syntax needs SQLite 3.44, and a trigger an older SQLite
    /// cannot parse makes the whole schema unreadable to it (Debian 12's <c>sqlite3</c> is 3.40: "malformed database
    /// schema"). <c>SqliteCharacterIndexTests</c> fails if the characters come out of order.
    /// </para>
    /// <para>
    /// The six <c>PostSearch_*</c> triggers are replaced by versions that keep both indexes, so each event still has one
    /// trigger and the order of the statements (keys first, removed last) is explicit. To rebuild this index:
    /// <c>INSERT INTO PostSearchChars(PostSearchChars) VALUES('delete-all')</c>, then the two backfill INSERTs below.
    /// </para>
    /// </summary>
    public partial class PostSearchCharacters : Migration
    {
        /// <summary>Characters per chunk when a text is cut into characters (<see cref="Spaced"/>).</summary>
        private const int Chunk = 100;

        /// <summary>Every Unicode category is a token character; only the ASCII space that <see cref="Spaced"/> puts
        /// between characters separates tokens. Case is folded as the trigram index folds it; diacritics are kept.</summary>
        internal const string Tokenizer = "unicode61 remove_diacritics 0 categories 'L* N* M* P* S* Z* C*' separators ' '";

        /// <summary>The text with an ASCII space between every two characters (code points), or NULL for NULL.</summary>
        internal static string Spaced(string text) => $"""
            (SELECT group_concat(Ch, ' ') FROM (
                SELECT substr(c.Chunk, d.N, 1) AS Ch
                FROM (SELECT k.N AS K, substr({text}, k.N * {Chunk} + 1, {Chunk}) AS Chunk
                      FROM PostSearchCharNumbers AS k WHERE k.N < (length({text}) + {Chunk - 1}) / {Chunk}
                      LIMIT -1) AS c
                JOIN PostSearchCharNumbers AS d ON d.N BETWEEN 1 AND length(c.Chunk)
                ORDER BY c.K, d.N))
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE PostSearchCharNumbers (N INTEGER PRIMARY KEY);");
            migrationBuilder.Sql("""
                WITH RECURSIVE n(N) AS (SELECT 0 UNION ALL SELECT N + 1 FROM n WHERE N < 9999)
                INSERT INTO PostSearchCharNumbers (N) SELECT N FROM n;
                """);
            CreateAndFill(migrationBuilder, withPositions: true);
            ReplaceTriggers(migrationBuilder, withCharacters: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ReplaceTriggers(migrationBuilder, withCharacters: false);
            migrationBuilder.Sql("DROP TABLE IF EXISTS PostSearchChars;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS PostSearchCharNumbers;");
        }

        /// <summary>Creates <c>PostSearchChars</c> and indexes the posts written before, under their existing keys.
        /// <paramref name="withPositions"/> is this migration's first form; <c>PostSearchCharactersWithoutPositions</c>
        /// builds it with <c>detail=none</c>, which keeps only which posts hold each character (docs/adr/0037).</summary>
        internal static void CreateAndFill(MigrationBuilder migrationBuilder, bool withPositions)
        {
            var detail = withPositions ? string.Empty : ", detail=none";
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE PostSearchChars USING fts5(Title, Body, content=''{detail}, tokenize="{Tokenizer}");
                """);
            migrationBuilder.Sql($"""
                INSERT INTO PostSearchChars (rowid, Title, Body)
                SELECT k.RowId, {Spaced("t.Title")}, {Spaced("t.Body")}
                FROM PostSearchKeys AS k JOIN Topics AS t ON t.Id = k.PostId WHERE k.IsReply = 0;
                """);
            migrationBuilder.Sql($"""
                INSERT INTO PostSearchChars (rowid, Title, Body)
                SELECT k.RowId, NULL, {Spaced("r.Body")}
                FROM PostSearchKeys AS k JOIN Replies AS r ON r.Id = k.PostId WHERE k.IsReply = 1;
                """);
        }

        /// <summary>The six triggers of <c>PostSearch</c> and <c>PostSearchTimeOrder</c>, keeping the character index too
        /// when <paramref name="withCharacters"/>. A contentless table forgets what it indexed, so a removal passes the
        /// old text spaced exactly as it was when inserted.</summary>
        private static void ReplaceTriggers(MigrationBuilder migrationBuilder, bool withCharacters)
        {
            foreach (var name in new[] { "TopicInserted", "TopicEdited", "TopicDeleted", "ReplyInserted", "ReplyEdited", "ReplyDeleted" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS PostSearch_{name};");
            }

            string Characters(string sql) => withCharacters ? "\n    " + sql : string.Empty;

            migrationBuilder.Sql($"""
                CREATE TRIGGER PostSearch_TopicInserted AFTER INSERT ON Topics BEGIN
                    INSERT INTO PostSearchKeys (RowId, PostId, IsReply) VALUES ({PostSearchTimeOrder.NextKey("new.CreatedAt")}, new.Id, 0);
                    INSERT INTO PostSearch (rowid, Title, Body)
                    SELECT RowId, new.Title, new.Body FROM PostSearchKeys WHERE PostId = new.Id;{Characters($"""
                INSERT INTO PostSearchChars (rowid, Title, Body)
                    SELECT RowId, {Spaced("new.Title")}, {Spaced("new.Body")} FROM PostSearchKeys WHERE PostId = new.Id;
                """)}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER PostSearch_TopicEdited AFTER UPDATE OF Title, Body ON Topics BEGIN
                    INSERT INTO PostSearch (PostSearch, rowid, Title, Body)
                    SELECT 'delete', RowId, old.Title, old.Body FROM PostSearchKeys WHERE PostId = old.Id;
                    INSERT INTO PostSearch (rowid, Title, Body)
                    SELECT RowId, new.Title, new.Body FROM PostSearchKeys WHERE PostId = old.Id;{Characters($"""
                INSERT INTO PostSearchChars (PostSearchChars, rowid, Title, Body)
                    SELECT 'delete', RowId, {Spaced("old.Title")}, {Spaced("old.Body")} FROM PostSearchKeys WHERE PostId = old.Id;
                    INSERT INTO PostSearchChars (rowid, Title, Body)
                    SELECT RowId, {Spaced("new.Title")}, {Spaced("new.Body")} FROM PostSearchKeys WHERE PostId = old.Id;
                """)}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER PostSearch_TopicDeleted AFTER DELETE ON Topics BEGIN
                    INSERT INTO PostSearch (PostSearch, rowid, Title, Body)
                    SELECT 'delete', RowId, old.Title, old.Body FROM PostSearchKeys WHERE PostId = old.Id;{Characters($"""
                INSERT INTO PostSearchChars (PostSearchChars, rowid, Title, Body)
                    SELECT 'delete', RowId, {Spaced("old.Title")}, {Spaced("old.Body")} FROM PostSearchKeys WHERE PostId = old.Id;
                """)}
                    DELETE FROM PostSearchKeys WHERE PostId = old.Id;
                END;
                """);

            // Replies (also removed by the ON DELETE CASCADE from Topics, which fires this trigger).
            migrationBuilder.Sql($"""
                CREATE TRIGGER PostSearch_ReplyInserted AFTER INSERT ON Replies BEGIN
                    INSERT INTO PostSearchKeys (RowId, PostId, IsReply) VALUES ({PostSearchTimeOrder.NextKey("new.CreatedAt")}, new.Id, 1);
                    INSERT INTO PostSearch (rowid, Title, Body)
                    SELECT RowId, NULL, new.Body FROM PostSearchKeys WHERE PostId = new.Id;{Characters($"""
                INSERT INTO PostSearchChars (rowid, Title, Body)
                    SELECT RowId, NULL, {Spaced("new.Body")} FROM PostSearchKeys WHERE PostId = new.Id;
                """)}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER PostSearch_ReplyEdited AFTER UPDATE OF Body ON Replies BEGIN
                    INSERT INTO PostSearch (PostSearch, rowid, Title, Body)
                    SELECT 'delete', RowId, NULL, old.Body FROM PostSearchKeys WHERE PostId = old.Id;
                    INSERT INTO PostSearch (rowid, Title, Body)
                    SELECT RowId, NULL, new.Body FROM PostSearchKeys WHERE PostId = old.Id;{Characters($"""
                INSERT INTO PostSearchChars (PostSearchChars, rowid, Title, Body)
                    SELECT 'delete', RowId, NULL, {Spaced("old.Body")} FROM PostSearchKeys WHERE PostId = old.Id;
                    INSERT INTO PostSearchChars (rowid, Title, Body)
                    SELECT RowId, NULL, {Spaced("new.Body")} FROM PostSearchKeys WHERE PostId = old.Id;
                """)}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER PostSearch_ReplyDeleted AFTER DELETE ON Replies BEGIN
                    INSERT INTO PostSearch (PostSearch, rowid, Title, Body)
                    SELECT 'delete', RowId, NULL, old.Body FROM PostSearchKeys WHERE PostId = old.Id;{Characters($"""
                INSERT INTO PostSearchChars (PostSearchChars, rowid, Title, Body)
                    SELECT 'delete', RowId, NULL, {Spaced("old.Body")} FROM PostSearchKeys WHERE PostId = old.Id;
                """)}
                    DELETE FROM PostSearchKeys WHERE PostId = old.Id;
                END;
                """);
        }
    }
}
