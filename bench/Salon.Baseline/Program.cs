using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

// The raw baseline of bench/http.sh: the same request as Salon's GET /api/boards/{slug}/topics, answered
// with hand-written SQL over Microsoft.Data.Sqlite and a Utf8JsonWriter, in the same JSON shape. It does
// the same work a request needs — the session check (the query of ActiveSessions), the board lookup and
// one page query with authors, tags, read marks and unread counts — on one pooled connection. The bearer
// token is not decrypted: the session and member it stands for are given on the command line
// (--viewer, --session), written by Salon.Bench --http-env.
//
// With --postgres CONNECTION-STRING the reply case runs on PostgreSQL instead (the same database moved there with
// Salon's move-to-postgres verb, its search-index triggers firing as for Salon): the session check, the INSERT and the
// topic's counters in one transaction, on one pooled Npgsql connection, its statements prepared, writers NOT taking
// turns (PostgreSQL locks rows, not the file). The topic list stays on --db.
//
//   dotnet Salon.Baseline.dll --db /tmp/salon-bench.db --viewer GUID --session GUID --urls http://127.0.0.1:5081
//   dotnet Salon.Baseline.dll --db … --viewer … --session … --postgres "Host=127.0.0.1;Port=5432;Username=postgres;Database=salon"
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var database = builder.Configuration["db"] ?? throw new ArgumentException("--db PATH is required.");
var viewer = Guid.Parse(builder.Configuration["viewer"] ?? throw new ArgumentException("--viewer GUID is required."));
var session = Guid.Parse(builder.Configuration["session"] ?? throw new ArgumentException("--session GUID is required."));
var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = true }.ToString();
// Statements prepared as Salon's are (docs/adr/0047), so that the two compare like with like.
var postgres = builder.Configuration["postgres"] is { Length: > 0 } pg
    ? NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(pg) { MaxAutoPrepare = 128 })
    : null;
// The reply case by members (--writer-tokens T1,T2,… --writer-sessions MEMBER:SESSION,… in the same order, the seed's
// WRITER_TOKENS and WRITER_SESSIONS): a request bearing one of those tokens is that member's, in that session.
var writers = Baseline.Writers(builder.Configuration["writer-tokens"], builder.Configuration["writer-sessions"]);

var app = builder.Build();
app.MapGet("/health/ready", () => Results.Text("Healthy"));
app.MapGet("/api/boards/{slug}/topics", async (HttpContext context, string slug, int? limit) =>
{
    if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
    {
        context.Response.StatusCode = 401;
        return;
    }

    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync(context.RequestAborted);
    if (!await Baseline.SessionIsActiveAsync(connection, viewer, session, context.RequestAborted))
    {
        context.Response.StatusCode = 401;
        return;
    }

    var size = limit is null or < 1 ? 20 : Math.Min(limit.Value, 100);
    var board = await Baseline.BoardIdAsync(connection, slug, context.RequestAborted);
    if (board is null)
    {
        context.Response.StatusCode = 404;
        return;
    }

    context.Response.ContentType = "application/json; charset=utf-8";
    await Baseline.WritePageAsync(connection, context.Response.Body, board, slug, viewer, size, context.RequestAborted);
});
// POST /api/topics/{id}/replies (issue 15's write case): the session check, then the reply's INSERT (its search-index
// triggers fire as in Salon) and the topic's counters, in one transaction; writers take turns in-process.
var writeTurn = new SemaphoreSlim(1, 1);
app.MapPost("/api/topics/{id:guid}/replies", async (HttpContext context, Guid id) =>
{
    var (author, authorSession) = writers.TryGetValue(context.Request.Headers.Authorization.ToString(), out var writer) ? writer : (viewer, session);
    if (postgres is not null)
    {
        await PostgresBaseline.ReplyAsync(postgres, context, id, author, authorSession);
        return;
    }

    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync(context.RequestAborted);
    if (!await Baseline.SessionIsActiveAsync(connection, author, authorSession, context.RequestAborted))
    {
        context.Response.StatusCode = 401;
        return;
    }

    var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted);
    var text = body.GetProperty("body").GetString() ?? string.Empty;
    var replyId = Guid.CreateVersion7();
    await writeTurn.WaitAsync(context.RequestAborted);
    try
    {
        await Baseline.InsertReplyAsync(connection, id, replyId, author, text, context.RequestAborted);
    }
    finally
    {
        writeTurn.Release();
    }

    context.Response.StatusCode = 201;
    await context.Response.WriteAsJsonAsync(new { id = replyId }, context.RequestAborted);
});
app.Run();

/// <summary>The reply case on PostgreSQL: Salon's SQL for the session check, the reply and the counters, by hand.</summary>
internal static class PostgresBaseline
{
    public static async Task ReplyAsync(NpgsqlDataSource dataSource, HttpContext context, Guid topicId, Guid viewer, Guid session)
    {
        var cancellationToken = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var check = new NpgsqlCommand("""
            SELECT m."Status"
            FROM "MemberSessions" AS s
            INNER JOIN "Members" AS m ON s."MemberId" = m."Id"
            WHERE s."Id" = $1 AND s."MemberId" = $2 AND s."RevokedAt" IS NULL AND s."ExpiresAt" > $3
            LIMIT 2
            """, connection))
        {
            check.Parameters.AddWithValue(session);
            check.Parameters.AddWithValue(viewer);
            check.Parameters.AddWithValue(DateTime.UtcNow);
            if (await check.ExecuteScalarAsync(cancellationToken) is not int status || status != 0)
            {
                context.Response.StatusCode = 401;
                return;
            }
        }

        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted);
        var text = body.GetProperty("body").GetString() ?? string.Empty;
        var replyId = Guid.CreateVersion7();
        var now = DateTime.UtcNow;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO "Replies" ("Id", "AuthorDeparted", "AuthorId", "Body", "ContentWarning", "CreatedAt", "DeletedAt",
                "EditedAt", "IsAnonymous", "ModeratedAt", "RelateCount", "SupportCount", "ThanksCount", "TopicId", "Visibility")
            VALUES ($1, FALSE, $2, $3, NULL, $4, NULL, NULL, FALSE, NULL, 0, 0, 0, $5, 0)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue(replyId);
            insert.Parameters.AddWithValue(viewer);
            insert.Parameters.AddWithValue(text);
            insert.Parameters.AddWithValue(now);
            insert.Parameters.AddWithValue(topicId);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var counters = new NpgsqlCommand("""
            UPDATE "Topics" AS t
            SET "ReplyCount" = t."ReplyCount" + 1,
                "OthersReplyCount" = CASE WHEN NOT t."IsAnonymous" AND t."AuthorId" = $1 THEN t."OthersReplyCount" ELSE t."OthersReplyCount" + 1 END,
                "LastActivityAt" = GREATEST(t."LastActivityAt", $2)
            WHERE t."Id" = $3
            """, connection, transaction))
        {
            counters.Parameters.AddWithValue(viewer);
            counters.Parameters.AddWithValue(now);
            counters.Parameters.AddWithValue(topicId);
            await counters.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        context.Response.StatusCode = 201;
        await context.Response.WriteAsJsonAsync(new { id = replyId }, cancellationToken);
    }
}

internal static class Baseline
{
    private const string Anonymous = "匿名さん";
    private const string Departed = "退会したメンバー";
    private static readonly string[] Positions = ["parent", "sibling", "child", "spouse", "partner", "other"];

    /// <summary>"Bearer TOKEN" → (member, session) for the writers' tokens and sessions given in the same order.</summary>
    public static Dictionary<string, (Guid Member, Guid Session)> Writers(string? tokens, string? sessions)
    {
        var tokenList = (tokens ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var sessionList = (sessions ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (tokenList.Length != sessionList.Length)
        {
            throw new ArgumentException("--writer-tokens and --writer-sessions must list as many writers.");
        }

        return tokenList.Zip(sessionList).ToDictionary(
            w => "Bearer " + w.First,
            w => (Guid.Parse(w.Second.Split(':')[0]), Guid.Parse(w.Second.Split(':')[1])));
    }

    /// <summary>ActiveSessions.FindActiveAsync's query: the session is open and the member may sign in.</summary>
    public static async Task<bool> SessionIsActiveAsync(SqliteConnection connection, Guid memberId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m."Status", m."SuspendedUntil", m."Roles", m."LastSeenAt"
            FROM "MemberSessions" AS s
            INNER JOIN "Members" AS m ON s."MemberId" = m."Id"
            WHERE s."Id" = @session AND s."MemberId" = @member AND s."RevokedAt" IS NULL AND s."ExpiresAt" > @now
            LIMIT 2
            """;
        command.Parameters.AddWithValue("@session", Key(sessionId));
        command.Parameters.AddWithValue("@member", Key(memberId));
        command.Parameters.AddWithValue("@now", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && reader.GetInt32(0) == 0;
    }

    public static async Task InsertReplyAsync(SqliteConnection connection, Guid topicId, Guid replyId, Guid authorId, string body, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO Replies (Id, TopicId, AuthorId, Body, IsAnonymous, ContentWarning, Visibility, AuthorDeparted,
                CreatedAt, EditedAt, DeletedAt, RelateCount, ThanksCount, SupportCount)
            VALUES (@id, @topic, @author, @body, 0, NULL, 0, 0, @now, NULL, NULL, 0, 0, 0)
            """;
        insert.Parameters.AddWithValue("@id", Key(replyId));
        insert.Parameters.AddWithValue("@topic", Key(topicId));
        insert.Parameters.AddWithValue("@author", Key(authorId));
        insert.Parameters.AddWithValue("@body", body);
        insert.Parameters.AddWithValue("@now", now);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await using var counters = connection.CreateCommand();
        counters.Transaction = transaction;
        counters.CommandText = """
            UPDATE Topics SET ReplyCount = ReplyCount + 1,
                OthersReplyCount = OthersReplyCount + (IsAnonymous OR AuthorId <> @author), LastActivityAt = @now
            WHERE Id = @topic
            """;
        counters.Parameters.AddWithValue("@topic", Key(topicId));
        counters.Parameters.AddWithValue("@author", Key(authorId));
        counters.Parameters.AddWithValue("@now", now);
        await counters.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<string?> BoardIdAsync(SqliteConnection connection, string slug, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id" FROM "Boards" WHERE "Slug" = @slug LIMIT 2""";
        command.Parameters.AddWithValue("@slug", slug);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>The first page of a board: Salon's rows and filters (visibility, blocks, hidden posts), with the
    /// unread count bounded by the viewer's read mark (an index seek on Replies (TopicId, CreatedAt)) and, as Salon's,
    /// stopping at 100 (docs/adr/0032).</summary>
    public static async Task WritePageAsync(SqliteConnection connection, Stream body, string boardId, string slug, Guid viewerId, int size, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT t."Id", t."Title", substr(t."Body", 1, 121), m."Id", m."Nickname", m."FamilyPositions", m."Roles" & 2 <> 0, m."Status" = 2,
                t."AuthorId", t."IsAnonymous", t."AuthorDeparted",
                (SELECT group_concat(g."Slug", ',') FROM "TopicTags" AS tt INNER JOIN "Tags" AS g ON g."Id" = tt."TagId" WHERE tt."TopicId" = t."Id"),
                t."RepliesWelcome", t."ContentWarning", t."IsClosed", t."Visibility", t."CreatedAt", t."EditedAt", t."LastActivityAt",
                t."ReplyCount", t."RelateCount", t."ThanksCount", t."SupportCount", rd."LastReadAt",
                CASE WHEN rd."LastReadAt" IS NULL THEN NULL ELSE (
                    SELECT count(*) FROM (SELECT 1 FROM "Replies" AS r
                    WHERE r."TopicId" = t."Id" AND r."CreatedAt" > rd."LastReadAt" AND r."DeletedAt" IS NULL AND r."Visibility" = 0
                    LIMIT 100)) END
            FROM (
                SELECT * FROM "Topics" AS x
                WHERE x."BoardId" = @board AND x."DeletedAt" IS NULL AND (x."Visibility" = 0 OR x."AuthorId" = @viewer)
                  AND (x."IsAnonymous" OR NOT EXISTS (SELECT 1 FROM "MemberBlocks" AS b WHERE b."BlockerId" = @viewer AND b."BlockedId" = x."AuthorId"))
                  AND NOT EXISTS (SELECT 1 FROM "HiddenPosts" AS h WHERE h."MemberId" = @viewer AND h."PostId" = x."Id")
                ORDER BY x."LastActivityAt" DESC, x."Id" DESC
                LIMIT @take
            ) AS t
            INNER JOIN "Members" AS m ON m."Id" = t."AuthorId"
            LEFT JOIN "TopicReads" AS rd ON rd."TopicId" = t."Id" AND rd."MemberId" = @viewer
            ORDER BY t."LastActivityAt" DESC, t."Id" DESC
            """;
        var viewerKey = Key(viewerId);
        command.Parameters.AddWithValue("@board", boardId);
        command.Parameters.AddWithValue("@viewer", viewerKey);
        command.Parameters.AddWithValue("@take", size + 1);

        await using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteStartArray("items");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var count = 0;
        string? nextCursor = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (++count > size)
            {
                break;
            }

            var lastActivity = Time(reader.GetString(18));
            if (count == size)
            {
                nextCursor = Cursor(lastActivity, Guid.Parse(reader.GetString(0)));
            }

            json.WriteStartObject();
            json.WriteString("id", Guid.Parse(reader.GetString(0)));
            json.WriteString("boardSlug", slug);
            json.WriteString("title", reader.GetString(1));
            var excerpt = reader.GetString(2);
            json.WriteString("excerpt", excerpt.Length <= 120 ? excerpt : string.Concat(excerpt.AsSpan(0, 120), "…"));
            WriteAuthor(json, reader, viewerKey);
            json.WriteBoolean("isMine", reader.GetString(8) == viewerKey);
            json.WriteStartArray("tags");
            if (!reader.IsDBNull(11))
            {
                foreach (var tag in reader.GetString(11).Split(','))
                {
                    json.WriteStringValue(tag);
                }
            }

            json.WriteEndArray();
            json.WriteBoolean("repliesWelcome", reader.GetBoolean(12));
            WriteNullableString(json, "contentWarning", reader, 13);
            json.WriteBoolean("isClosed", reader.GetBoolean(14));
            json.WriteString("status", reader.GetInt32(15) == 0 ? "published" : "under_review");
            json.WriteString("createdAt", Time(reader.GetString(16)));
            if (reader.IsDBNull(17))
            {
                json.WriteNull("editedAt");
            }
            else
            {
                json.WriteString("editedAt", Time(reader.GetString(17)));
            }

            json.WriteString("lastActivityAt", lastActivity);
            json.WriteNumber("replyCount", reader.GetInt32(19));
            json.WriteStartObject("reactionCounts");
            json.WriteNumber("relate", reader.GetInt32(20));
            json.WriteNumber("thanks", reader.GetInt32(21));
            json.WriteNumber("support", reader.GetInt32(22));
            json.WriteEndObject();
            if (reader.IsDBNull(24))
            {
                json.WriteNull("unreadReplies");
            }
            else
            {
                json.WriteNumber("unreadReplies", reader.GetInt32(24));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (count > size && nextCursor is not null)
        {
            json.WriteString("nextCursor", nextCursor);
        }
        else
        {
            json.WriteNull("nextCursor");
        }

        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>ConsultationViews.Author: departed, anonymous (to anyone but the author) or named.</summary>
    private static void WriteAuthor(Utf8JsonWriter json, SqliteDataReader reader, string viewerKey)
    {
        json.WriteStartObject("author");
        var anonymous = reader.GetBoolean(9);
        if (reader.GetBoolean(10) || reader.GetBoolean(7))
        {
            json.WriteString("nickname", Departed);
            json.WriteBoolean("isOfficial", false);
            json.WriteBoolean("departed", true);
        }
        else if (anonymous && reader.GetString(3) != viewerKey)
        {
            json.WriteString("nickname", Anonymous);
            json.WriteBoolean("isOfficial", false);
            json.WriteBoolean("anonymous", true);
        }
        else
        {
            json.WriteString("id", Guid.Parse(reader.GetString(3)));
            json.WriteString("nickname", reader.GetString(4));
            json.WriteStartArray("familyPositions");
            var flags = reader.GetInt32(5);
            for (var i = 0; i < Positions.Length; i++)
            {
                if ((flags & (1 << i)) != 0)
                {
                    json.WriteStringValue(Positions[i]);
                }
            }

            json.WriteEndArray();
            json.WriteBoolean("isOfficial", reader.GetBoolean(6));
            if (anonymous)
            {
                json.WriteBoolean("anonymous", true);
            }
        }

        json.WriteEndObject();
    }

    private static void WriteNullableString(Utf8JsonWriter json, string name, SqliteDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, reader.GetString(ordinal));
        }
    }

    /// <summary>How EF Core's SQLite provider stores a Guid (upper-case text).</summary>
    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    private static DateTime Time(string text) =>
        DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc);

    /// <summary>KeysetCursor.Encode: base64url of "ticks:id".</summary>
    private static string Cursor(DateTime at, Guid id) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{at.Ticks}:{id:N}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
