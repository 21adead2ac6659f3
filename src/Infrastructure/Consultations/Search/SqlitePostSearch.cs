using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Salon.Application.Consultations;
using Salon.Infrastructure.Persistence;

namespace Salon.Infrastructure.Consultations.Search;

/// <summary>
/// Post search on SQLite. The query is a literal substring: operators (<c>OR</c>, <c>NOT</c>, <c>*</c>,
/// <c>-</c>, quotes) have no meaning. Queries of 3+ characters (Unicode code points, which is what the
/// trigram tokenizer counts) use the FTS5 trigram index <c>PostSearch</c> (migration <c>PostSearch</c>) and
/// rank by bm25, a title match weighing twice a body match; shorter ones (「薬」, 「姉が」) cannot use
/// trigrams and walk the posts newest first with <c>LIKE</c>, stopping after a page (<see cref="SubstringNewest"/>), all
/// with rank 0, so relevance order is newest order.
/// <para>
/// Normalisation: posts are stored and indexed as written, and SQLite cannot NFKC-normalise them, so
/// normalising only the query would lose matches (a post saying 「１２３」, and 「１２３」 typed but searched
/// only as 「123」). The query is therefore searched as typed <em>and</em>, when different, in its NFKC form: typing
/// full-width 「ＡＩ」 or half-width 「ｸｽﾘ」 also finds 「AI」 and 「クスリ」. The converse (typing 「AI」
/// to find a post that says 「ＡＩ」) would need a normalised copy of the text, which is not stored.
/// Case: the trigram index ignores case (ASCII, full-width Latin, Greek, …); <c>LIKE</c> ignores ASCII case only.
/// </para>
/// <para>
/// The visibility rules are in the same SQL, so every page is full: the post and (for a reply) its topic
/// are not deleted, visible or the viewer's own, not written under their name by someone the viewer blocked
/// (anonymous posts are never filtered by blocks: ADR 0016), and not hidden by the viewer from their own view
/// (a hidden topic takes its replies with it).
/// Keyset pagination: strictly after <c>after</c> in (rank, CreatedAt desc, PostId desc); ranks come from
/// the same index state, so a page boundary is exact unless posts are added or edited in between.
/// </para>
/// </summary>
public sealed class SqlitePostSearch(SalonDbContext db) : IPostSearch
{
    /// <summary>The trigram tokenizer matches nothing for fewer characters than this.</summary>
    public const int MinIndexedQueryLength = SearchTerms.MinIndexedQueryLength;

    /// <summary>What the viewer may see of an indexed match, for both orders: not deleted, published or their own,
    /// blocks on named posts only (docs/adr/0016), and not hidden by the viewer. Written once, so the two queries
    /// cannot drift apart.</summary>
    private const string VisibleToViewer = """
          AND t.DeletedAt IS NULL
          AND (t.Visibility = 0 OR t.AuthorId = @viewer)
          AND (t.IsAnonymous OR NOT EXISTS (SELECT 1 FROM MemberBlocks AS b WHERE b.BlockerId = @viewer AND b.BlockedId = t.AuthorId))
          AND NOT EXISTS (SELECT 1 FROM HiddenPosts AS h WHERE h.MemberId = @viewer AND h.PostId = t.Id)
          AND (k.IsReply = 0 OR (
                r.DeletedAt IS NULL
                AND (r.Visibility = 0 OR r.AuthorId = @viewer)
                AND (r.IsAnonymous OR NOT EXISTS (SELECT 1 FROM MemberBlocks AS b WHERE b.BlockerId = @viewer AND b.BlockedId = r.AuthorId))
                AND NOT EXISTS (SELECT 1 FROM HiddenPosts AS h WHERE h.MemberId = @viewer AND h.PostId = r.Id)))
        """;

    /// <summary>Matches through the trigram index. A hit is a topic or a reply; <c>t</c> is the topic
    /// itself or the reply's topic, which must be visible to the viewer either way.</summary>
    internal static readonly string IndexedMatchesUnranked = IndexedMatches.Replace("bm25(PostSearch, 2.0, 1.0)", "0.0", StringComparison.Ordinal);

    internal const string IndexedMatches = """
        SELECT k.PostId AS PostId, k.IsReply AS IsReply, t.Id AS TopicId,
               coalesce(r.CreatedAt, t.CreatedAt) AS CreatedAt, bm25(PostSearch, 2.0, 1.0) AS Rank
        FROM PostSearch
        JOIN PostSearchKeys AS k ON k.RowId = PostSearch.rowid
        LEFT JOIN Replies AS r ON k.IsReply = 1 AND r.Id = k.PostId
        JOIN Topics AS t ON t.Id = coalesce(r.TopicId, k.PostId)
        WHERE PostSearch MATCH @match
        """ + "\n" + VisibleToViewer;

    /// <summary>Newest-first matches through the trigram index, read backwards in rowid order, which is time order
    /// to the millisecond (migration <c>PostSearchTimeOrder</c>): FTS5 walks its index from the newest entry and the
    /// reader stops after a page, so nothing sorts every match (<see cref="ReadNewestAsync"/>). The visibility
    /// filters are checked per row on the way. <c>@beforeRowId</c> skips the milliseconds after the keyset.</summary>
    internal const string IndexedNewest = """
        SELECT k.PostId AS PostId, k.IsReply AS IsReply, t.Id AS TopicId,
               coalesce(r.CreatedAt, t.CreatedAt) AS CreatedAt, 0.0 AS Rank, PostSearch.rowid AS RowId
        FROM PostSearch
        JOIN PostSearchKeys AS k ON k.RowId = PostSearch.rowid
        LEFT JOIN Replies AS r ON k.IsReply = 1 AND r.Id = k.PostId
        JOIN Topics AS t ON t.Id = coalesce(r.TopicId, k.PostId)
        WHERE PostSearch MATCH @match
          AND PostSearch.rowid < @beforeRowId
        """ + "\n" + VisibleToViewer;

    private const string IndexedNewestAfter = "\n  AND (coalesce(r.CreatedAt, t.CreatedAt), k.PostId) < (@afterCreatedAt, @afterPostId)";

    private const string IndexedNewestOrder = "\nORDER BY PostSearch.rowid DESC";

    /// <summary>How many bits of a search key number the posts within one millisecond.</summary>
    private const int SequenceBits = 20;

    /// <summary>Matches of 1–2 character queries, newest first (the only order of this path: every rank is 0). The trigram
    /// index cannot serve them, so each table is walked backwards along its <c>(CreatedAt, Id)</c> index from the keyset
    /// (<c>{topicAfter}</c>/<c>{replyAfter}</c>), testing <c>LIKE</c> and the visibility rules per row, and stops after a
    /// page (<c>LIMIT</c> per table); the two pages are then merged. The page is exact: the newest <c>@limit</c> of both
    /// tables are among the newest <c>@limit</c> of each. A reply's topic is checked in a correlated <c>EXISTS … LIMIT 1</c>,
    /// not a join: with a join SQLite builds a Bloom filter over every topic before the first row (a full scan of
    /// <c>Topics</c>), and the <c>LIMIT 1</c> keeps SQLite (3.47+) from turning the <c>EXISTS</c> back into that join
    /// (<c>SqliteSearchPlanTests</c>). <c>@pattern2</c> is the NFKC form's pattern, or NULL (matching nothing) when it is
    /// the same.
    /// A common character stops after a few dozen rows; a rare one walks the whole tables (docs/adr/0031).</summary>
    internal const string SubstringNewest = """
        SELECT PostId, IsReply, TopicId, CreatedAt, Rank FROM (
        SELECT * FROM (
          SELECT t.Id AS PostId, 0 AS IsReply, t.Id AS TopicId, t.CreatedAt AS CreatedAt, 0.0 AS Rank
          FROM Topics AS t
          WHERE (t.Title LIKE @pattern ESCAPE '\' OR t.Body LIKE @pattern ESCAPE '\'
                 OR t.Title LIKE @pattern2 ESCAPE '\' OR t.Body LIKE @pattern2 ESCAPE '\')
            AND t.DeletedAt IS NULL
            AND (t.Visibility = 0 OR t.AuthorId = @viewer)
            AND (t.IsAnonymous OR NOT EXISTS (SELECT 1 FROM MemberBlocks AS b WHERE b.BlockerId = @viewer AND b.BlockedId = t.AuthorId))
            AND NOT EXISTS (SELECT 1 FROM HiddenPosts AS h WHERE h.MemberId = @viewer AND h.PostId = t.Id){topicAfter}
          ORDER BY t.CreatedAt DESC, t.Id DESC
          LIMIT @limit)
        UNION ALL
        SELECT * FROM (
          SELECT r.Id AS PostId, 1 AS IsReply, r.TopicId AS TopicId, r.CreatedAt AS CreatedAt, 0.0 AS Rank
          FROM Replies AS r
          WHERE (r.Body LIKE @pattern ESCAPE '\' OR r.Body LIKE @pattern2 ESCAPE '\')
            AND r.DeletedAt IS NULL
            AND (r.Visibility = 0 OR r.AuthorId = @viewer)
            AND (r.IsAnonymous OR NOT EXISTS (SELECT 1 FROM MemberBlocks AS b WHERE b.BlockerId = @viewer AND b.BlockedId = r.AuthorId))
            AND NOT EXISTS (SELECT 1 FROM HiddenPosts AS h WHERE h.MemberId = @viewer AND h.PostId = r.Id)
            AND EXISTS (SELECT 1 FROM Topics AS t WHERE t.Id = r.TopicId
              AND t.DeletedAt IS NULL
              AND (t.Visibility = 0 OR t.AuthorId = @viewer)
              AND (t.IsAnonymous OR NOT EXISTS (SELECT 1 FROM MemberBlocks AS b WHERE b.BlockerId = @viewer AND b.BlockedId = t.AuthorId))
              AND NOT EXISTS (SELECT 1 FROM HiddenPosts AS h WHERE h.MemberId = @viewer AND h.PostId = t.Id)
              LIMIT 1){replyAfter}
          ORDER BY r.CreatedAt DESC, r.Id DESC
          LIMIT @limit)
        ) AS m
        ORDER BY CreatedAt DESC, PostId DESC
        LIMIT @limit
        """;

    private const string TopicAfter = "\n      AND (t.CreatedAt, t.Id) < (@afterCreatedAt, @afterPostId)";

    private const string ReplyAfter = "\n      AND (r.CreatedAt, r.Id) < (@afterCreatedAt, @afterPostId)";

    private const string Select = "SELECT PostId, IsReply, TopicId, CreatedAt, Rank FROM (\n";

    private const string NoKeyset = "\n) AS m\n";

    private const string AfterNewest = "\n) AS m\nWHERE (CreatedAt, PostId) < (@afterCreatedAt, @afterPostId)\n";

    private const string AfterRelevance = "\n) AS m\nWHERE Rank > @afterRank OR (Rank = @afterRank AND (CreatedAt, PostId) < (@afterCreatedAt, @afterPostId))\n";

    private const string OrderNewest = "ORDER BY CreatedAt DESC, PostId DESC\nLIMIT @limit";

    private const string OrderRelevance = "ORDER BY Rank, CreatedAt DESC, PostId DESC\nLIMIT @limit";

    /// <summary>How EF Core's SQLite provider stores a <see cref="DateTime"/>; text order is time order.</summary>
    private const string SqliteDateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public async Task<IReadOnlyList<PostMatch>> SearchAsync(
        string query,
        Guid viewerId,
        SearchOrder order,
        PostMatch? after,
        int limit,
        CancellationToken cancellationToken)
    {
        var terms = SearchTerms.From(query);
        if (terms is null || limit <= 0)
        {
            return [];
        }

        // Every rank is 0 on the substring path, so its relevance order is its newest order (SubstringNewest).
        if (!terms.UsesIndex)
        {
            order = SearchOrder.Newest;
        }

        var readsBackwards = terms.UsesIndex && order == SearchOrder.Newest;
        var sql = readsBackwards
            ? string.Concat(IndexedNewest, after is null ? string.Empty : IndexedNewestAfter, IndexedNewestOrder)
            : BuildSql(terms.UsesIndex, order, after is not null);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            AddParameter(command, "@viewer", SqliteGuid(viewerId));
            if (readsBackwards)
            {
                AddParameter(command, "@beforeRowId", after is null ? long.MaxValue : (Millisecond(after.CreatedAt) + 1) << SequenceBits);
            }
            else
            {
                AddParameter(command, "@limit", limit);
            }

            if (terms.UsesIndex)
            {
                AddParameter(command, "@match", terms.FtsQuery());
            }
            else
            {
                AddParameter(command, "@pattern", SearchTerms.LikePattern(terms.Typed));
                AddParameter(command, "@pattern2", terms.Normalized is null ? null : SearchTerms.LikePattern(terms.Normalized));
            }

            if (after is not null)
            {
                AddParameter(command, "@afterCreatedAt", SqliteDateTime(after.CreatedAt));
                AddParameter(command, "@afterPostId", SqliteGuid(after.PostId));
                if (order == SearchOrder.Relevance)
                {
                    AddParameter(command, "@afterRank", after.Rank);
                }
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (readsBackwards)
            {
                return await ReadNewestAsync(reader, limit, cancellationToken);
            }

            var matches = new List<PostMatch>(Math.Min(limit, 100));
            while (await reader.ReadAsync(cancellationToken))
            {
                matches.Add(Read(reader));
            }

            return matches;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Reads matches newest millisecond first and stops once a page is complete: after <paramref name="limit"/>
    /// rows, it reads on only while the rows are in the same millisecond as the last one (rowid order does not order
    /// posts within a millisecond), then sorts what it read exactly by (CreatedAt, PostId), newest first. Every row it
    /// did not read is in an older millisecond, so older than each row of the page.</summary>
    private static async Task<IReadOnlyList<PostMatch>> ReadNewestAsync(DbDataReader reader, int limit, CancellationToken cancellationToken)
    {
        var matches = new List<PostMatch>(Math.Min(limit + 1, 101));
        var lastMillisecond = long.MaxValue;
        while (await reader.ReadAsync(cancellationToken))
        {
            var millisecond = reader.GetInt64(5) >> SequenceBits;
            if (matches.Count >= limit && millisecond < lastMillisecond)
            {
                break;
            }

            matches.Add(Read(reader));
            lastMillisecond = millisecond;
        }

        // As SQLite orders them: time, then the id's text (upper case, ordinal).
        matches.Sort(static (a, b) =>
        {
            var byTime = b.CreatedAt.CompareTo(a.CreatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(SqliteGuid(b.PostId), SqliteGuid(a.PostId));
        });
        return matches.Count > limit ? matches[..limit] : matches;
    }

    private static PostMatch Read(DbDataReader reader) => new(
        Guid.Parse(reader.GetString(0)),
        reader.GetInt64(1) != 0,
        Guid.Parse(reader.GetString(2)),
        DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc),
        reader.GetDouble(4));

    /// <summary>The millisecond of a time, as the search keys number it (migration <c>PostSearchTimeOrder</c>): floor of
    /// milliseconds since 1970.</summary>
    internal static long Millisecond(DateTime value)
    {
        var ticks = ((value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime()) - DateTime.UnixEpoch).Ticks;
        return ticks >= 0 ? ticks / TimeSpan.TicksPerMillisecond : -((-ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond);
    }

    /// <summary>The statement for one path, order and page; made only of the constants above.</summary>
    internal static string BuildSql(bool usesIndex, SearchOrder order, bool hasAfter) => usesIndex
        ? string.Concat(
            Select,
            // bm25 costs an index lookup per match; newest order does not need it (rank 0 for every row).
            order == SearchOrder.Relevance ? IndexedMatches : IndexedMatchesUnranked,
            !hasAfter ? NoKeyset : order == SearchOrder.Relevance ? AfterRelevance : AfterNewest,
            order == SearchOrder.Relevance ? OrderRelevance : OrderNewest)
        : SubstringNewest
            .Replace("{topicAfter}", hasAfter ? TopicAfter : string.Empty, StringComparison.Ordinal)
            .Replace("{replyAfter}", hasAfter ? ReplyAfter : string.Empty, StringComparison.Ordinal);

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>EF Core stores GUIDs as upper-case text.</summary>
    private static string SqliteGuid(Guid id) => id.ToString("D").ToUpperInvariant();

    /// <summary>As EF Core writes it, after the context's UTC conversion.</summary>
    private static string SqliteDateTime(DateTime value) =>
        (value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime()).ToString(SqliteDateTimeFormat, CultureInfo.InvariantCulture);
}
