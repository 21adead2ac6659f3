using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Salon.Bench;

/// <summary>Writes the generated community into a migrated database with prepared INSERTs in one
/// transaction, on a plain connection (no EF, no interceptors). Posts are inserted in time order,
/// topics and replies interleaved as they would have been written, so the <c>PostSearch</c> triggers
/// fill the FTS index and hand out <c>PostSearchKeys</c> row ids in the same order as production would.</summary>
internal sealed class BulkSeeder(string connectionString, DataGenerator data, int seed, TextWriter log)
{
    /// <summary>How EF Core's SQLite provider stores a DateTime (text order is time order).</summary>
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public async Task<SeedSummary> SeedAsync()
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA foreign_keys = ON; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");

        var boards = await ReadIdsAsync(connection, "SELECT Id, Slug FROM Boards ORDER BY SortOrder");
        var tags = await ReadIdsAsync(connection, "SELECT Id, Slug FROM Tags ORDER BY SortOrder");
        if (boards.Count != 8 || tags.Count != 9)
        {
            throw new InvalidOperationException($"Expected the 8 default boards and 9 tags from DefaultBoardsSeeder, found {boards.Count} and {tags.Count}.");
        }

        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            InsertMembers(connection, transaction);
            InsertPosts(connection, transaction, boards, tags);
            InsertReactions(connection, transaction);
            InsertPairs(connection, transaction, "TopicReads", "LastReadAt", data.Reads);
            InsertPairs(connection, transaction, "TopicFollows", "CreatedAt", data.Follows);
            InsertPairs(connection, transaction, "TopicBookmarks", "CreatedAt", data.Bookmarks);
            InsertBlocks(connection, transaction);
            await transaction.CommitAsync();
        }

        var seeded = clock.Elapsed;
        log.WriteLine($"[bench] seeded in {seeded.TotalSeconds:F1} s; running ANALYZE");
        clock.Restart();
        await ExecuteAsync(connection, "ANALYZE;");
        var analyzed = clock.Elapsed;

        var counts = new Dictionary<string, long>();
        foreach (var table in new[] { "Members", "MemberBlocks", "Topics", "Replies", "TopicTags", "Reactions", "TopicReads", "TopicFollows", "TopicBookmarks", "PostSearchKeys" })
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return new SeedSummary(
            data.Members[data.Viewer].Id,
            data.Topics[data.HotTopic].Id,
            boards.Select(b => b.Slug).ToList(),
            counts,
            seeded,
            analyzed);
    }

    private void InsertMembers(SqliteConnection connection, SqliteTransaction transaction)
    {
        var text = new JapaneseText(new Random(seed + 1));
        using var insert = Prepare(connection, transaction, """
            INSERT INTO Members (Id, Nickname, NormalizedNickname, FamilyPositions, Bio, Roles, Status, SuspendedUntil,
                SuspensionReason, TermsVersion, TermsAcceptedAt, SensitiveInfoConsentVersion, SensitiveInfoConsentedAt,
                CreatedAt, UpdatedAt, DeletedAt)
            VALUES (@Id, @Nickname, @NormalizedNickname, @FamilyPositions, '', @Roles, @Status, NULL,
                NULL, '2026-01', @CreatedAt, '2026-01', @CreatedAt, @CreatedAt, @CreatedAt, @DeletedAt)
            """);
        foreach (var member in data.Members)
        {
            var nickname = member.IsDeleted ? "退会したメンバー" + member.Index.ToString(CultureInfo.InvariantCulture) : text.Nickname(member.Index);
            Set(insert, "@Id", Guid(member.Id));
            Set(insert, "@Nickname", nickname);
            Set(insert, "@NormalizedNickname", member.IsDeleted ? null : nickname.ToLowerInvariant());
            Set(insert, "@FamilyPositions", member.FamilyPositions);
            Set(insert, "@Roles", member.IsOfficial ? 2 : 0);
            Set(insert, "@Status", member.IsDeleted ? 2 : 0);
            Set(insert, "@CreatedAt", Time(member.CreatedAt));
            Set(insert, "@DeletedAt", member.IsDeleted ? Time(DataGenerator.Now.AddDays(-30)) : null);
            insert.ExecuteNonQuery();
        }
    }

    private void InsertPosts(SqliteConnection connection, SqliteTransaction transaction, List<(string Id, string Slug)> boards, List<(string Id, string Slug)> tags)
    {
        var text = new JapaneseText(new Random(seed + 2));
        using var topicInsert = Prepare(connection, transaction, """
            INSERT INTO Topics (Id, BoardId, AuthorId, Title, Body, IsAnonymous, RepliesWelcome, ContentWarning, IsClosed,
                Visibility, AuthorDeparted, CreatedAt, EditedAt, DeletedAt, LastActivityAt, ReplyCount, OthersReplyCount,
                RelateCount, ThanksCount, SupportCount)
            VALUES (@Id, @BoardId, @AuthorId, @Title, @Body, @IsAnonymous, @RepliesWelcome, @ContentWarning, @IsClosed,
                @Visibility, @AuthorDeparted, @CreatedAt, @EditedAt, @DeletedAt, @LastActivityAt, @ReplyCount, @OthersReplyCount,
                @RelateCount, @ThanksCount, @SupportCount)
            """);
        using var tagInsert = Prepare(connection, transaction, "INSERT INTO TopicTags (TopicId, TagId) VALUES (@TopicId, @TagId)");
        using var replyInsert = Prepare(connection, transaction, """
            INSERT INTO Replies (Id, TopicId, AuthorId, Body, IsAnonymous, ContentWarning, Visibility, AuthorDeparted,
                CreatedAt, EditedAt, DeletedAt, RelateCount, ThanksCount, SupportCount)
            VALUES (@Id, @TopicId, @AuthorId, @Body, @IsAnonymous, NULL, @Visibility, @AuthorDeparted,
                @CreatedAt, @EditedAt, @DeletedAt, @RelateCount, @ThanksCount, @SupportCount)
            """);

        var total = data.Topics.Count + data.Replies.Count;
        var written = 0;
        var clock = Stopwatch.StartNew();
        int t = 0, r = 0;
        while (t < data.Topics.Count || r < data.Replies.Count)
        {
            if (r >= data.Replies.Count || (t < data.Topics.Count && data.Topics[t].CreatedAt <= data.Replies[r].CreatedAt))
            {
                var topic = data.Topics[t++];
                Set(topicInsert, "@Id", Guid(topic.Id));
                Set(topicInsert, "@BoardId", boards[topic.Board].Id);
                Set(topicInsert, "@AuthorId", Guid(data.Members[topic.Author].Id));
                Set(topicInsert, "@Title", text.Title());
                Set(topicInsert, "@Body", text.TopicBody());
                Set(topicInsert, "@IsAnonymous", topic.IsAnonymous);
                Set(topicInsert, "@RepliesWelcome", topic.RepliesWelcome);
                Set(topicInsert, "@ContentWarning", topic.ContentWarning);
                Set(topicInsert, "@IsClosed", topic.IsClosed);
                Set(topicInsert, "@Visibility", topic.Visibility);
                Set(topicInsert, "@AuthorDeparted", topic.AuthorDeparted);
                Set(topicInsert, "@CreatedAt", Time(topic.CreatedAt));
                Set(topicInsert, "@EditedAt", Time(topic.EditedAt));
                Set(topicInsert, "@DeletedAt", Time(topic.DeletedAt));
                Set(topicInsert, "@LastActivityAt", Time(topic.LastActivityAt));
                Set(topicInsert, "@ReplyCount", topic.ReplyCount);
                Set(topicInsert, "@OthersReplyCount", topic.OthersReplyCount);
                Set(topicInsert, "@RelateCount", topic.Counts[0]);
                Set(topicInsert, "@ThanksCount", topic.Counts[1]);
                Set(topicInsert, "@SupportCount", topic.Counts[2]);
                topicInsert.ExecuteNonQuery();
                foreach (var tag in topic.Tags)
                {
                    Set(tagInsert, "@TopicId", Guid(topic.Id));
                    Set(tagInsert, "@TagId", tags[tag].Id);
                    tagInsert.ExecuteNonQuery();
                }
            }
            else
            {
                var reply = data.Replies[r++];
                Set(replyInsert, "@Id", Guid(reply.Id));
                Set(replyInsert, "@TopicId", Guid(data.Topics[reply.Topic].Id));
                Set(replyInsert, "@AuthorId", Guid(data.Members[reply.Author].Id));
                Set(replyInsert, "@Body", text.ReplyBody());
                Set(replyInsert, "@IsAnonymous", reply.IsAnonymous);
                Set(replyInsert, "@Visibility", reply.Visibility);
                Set(replyInsert, "@AuthorDeparted", reply.AuthorDeparted);
                Set(replyInsert, "@CreatedAt", Time(reply.CreatedAt));
                Set(replyInsert, "@EditedAt", Time(reply.EditedAt));
                Set(replyInsert, "@DeletedAt", Time(reply.DeletedAt));
                Set(replyInsert, "@RelateCount", reply.Counts[0]);
                Set(replyInsert, "@ThanksCount", reply.Counts[1]);
                Set(replyInsert, "@SupportCount", reply.Counts[2]);
                replyInsert.ExecuteNonQuery();
            }

            if (++written % 50_000 == 0)
            {
                log.WriteLine($"[bench]   {written:N0}/{total:N0} posts ({written / clock.Elapsed.TotalSeconds:N0}/s)");
            }
        }
    }

    private void InsertReactions(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var insert = Prepare(connection, transaction, """
            INSERT INTO Reactions (Id, PostId, PostKind, TopicId, MemberId, Kind, CreatedAt)
            VALUES (@Id, @PostId, @PostKind, @TopicId, @MemberId, @Kind, @CreatedAt)
            """);
        foreach (var reaction in data.Reactions)
        {
            Set(insert, "@Id", Guid(reaction.Id));
            Set(insert, "@PostId", Guid(reaction.PostId));
            Set(insert, "@PostKind", reaction.PostKind);
            Set(insert, "@TopicId", Guid(data.Topics[reaction.Topic].Id));
            Set(insert, "@MemberId", Guid(data.Members[reaction.Member].Id));
            Set(insert, "@Kind", reaction.Kind);
            Set(insert, "@CreatedAt", Time(reaction.CreatedAt));
            insert.ExecuteNonQuery();
        }
    }

    private void InsertPairs(SqliteConnection connection, SqliteTransaction transaction, string table, string timeColumn, List<(int Topic, int Member, DateTime At)> rows)
    {
        using var insert = Prepare(connection, transaction, $"INSERT INTO \"{table}\" (TopicId, MemberId, \"{timeColumn}\") VALUES (@TopicId, @MemberId, @At)");
        foreach (var (topic, member, at) in rows)
        {
            Set(insert, "@TopicId", Guid(data.Topics[topic].Id));
            Set(insert, "@MemberId", Guid(data.Members[member].Id));
            Set(insert, "@At", Time(at));
            insert.ExecuteNonQuery();
        }
    }

    private void InsertBlocks(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var insert = Prepare(connection, transaction, "INSERT INTO MemberBlocks (BlockerId, BlockedId, CreatedAt) VALUES (@BlockerId, @BlockedId, @CreatedAt)");
        foreach (var (blocker, blocked, at) in data.Blocks)
        {
            Set(insert, "@BlockerId", Guid(data.Members[blocker].Id));
            Set(insert, "@BlockedId", Guid(data.Members[blocked].Id));
            Set(insert, "@CreatedAt", Time(at));
            insert.ExecuteNonQuery();
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds the parameter on first use, then only changes its value (the statement stays prepared).</summary>
    private static void Set(SqliteCommand command, string name, object? value)
    {
        var converted = value switch
        {
            null => DBNull.Value,
            bool b => b ? 1 : 0,
            _ => value,
        };
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = converted;
        }
        else
        {
            command.Parameters.AddWithValue(name, converted);
        }
    }

    /// <summary>EF Core stores GUIDs as upper-case text.</summary>
    private static string Guid(Guid id) => id.ToString("D").ToUpperInvariant();

    private static string? Time(DateTime? value) => value?.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<(string Id, string Slug)>> ReadIdsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }
}

internal sealed record SeedSummary(
    Guid ViewerId,
    Guid HotTopicId,
    IReadOnlyList<string> BoardSlugs,
    IReadOnlyDictionary<string, long> RowCounts,
    TimeSpan SeedTime,
    TimeSpan AnalyzeTime);
