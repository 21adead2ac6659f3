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
/// rank by how often each post holds the query, a title match weighing twice a body match, as on PostgreSQL (not bm25, which
/// weighs a post against posts the viewer may not see: docs/adr/0044), the newest 2,000 visible matches (docs/adr/0037); shorter ones (「薬」, 「姉が」) cannot use
/// trigrams and read the index of single characters <c>PostSearchChars</c> (migration <c>PostSearchCharacters</c>,
/// docs/adr/0035) newest first, each candidate rechecked with <c>LIKE</c> (<see cref="CharactersRecheck"/>), all with
/// rank 0, so relevance order is newest order.
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

    /// <summary>Matches through the trigram index with their relevance: the newest <c>@candidates</c> visible matches
    /// (<see cref="SearchTerms.MaxCandidates"/>), read backwards in rowid order like the newest-first statements, each with
    /// its rank; the caller orders them by rank. Ranking every match of a common word took 1.5–3.7 s of CPU at 100,000
    /// topics (docs/adr/0037). A hit is a topic or a reply; <c>t</c> is the topic itself or the reply's topic, which must be
    /// visible to the viewer either way. The rank is the post's own, as on PostgreSQL (<see cref="Hits"/>, docs/adr/0044), not bm25: bm25
    /// weighs a post against the whole index, posts the viewer may not see included, so a rank that moved told a member
    /// that someone had written a post they could not see.</summary>
    private static string IndexedMatches(bool foldCase, bool twoForms) => """
        SELECT PostId, IsReply, TopicId, CreatedAt, -(2.0 * TitleHits / (TitleHits + 1.0) + BodyHits / (BodyHits + 1.0)) AS Rank
        FROM (
          SELECT k.PostId AS PostId, k.IsReply AS IsReply, t.Id AS TopicId, coalesce(r.CreatedAt, t.CreatedAt) AS CreatedAt,
                 CASE WHEN k.IsReply = 1 THEN 0 ELSE
        """ + " " + Hits("t.Title", foldCase, twoForms) + """
         END AS TitleHits,
        """ + Hits("CASE WHEN k.IsReply = 1 THEN r.Body ELSE t.Body END", foldCase, twoForms) + """
         AS BodyHits
          FROM (SELECT rowid AS RowId FROM PostSearch WHERE PostSearch MATCH @match ORDER BY rowid DESC LIMIT @entries) AS c
          JOIN PostSearchKeys AS k ON k.RowId = c.RowId
          LEFT JOIN Replies AS r ON k.IsReply = 1 AND r.Id = k.PostId
          JOIN Topics AS t ON t.Id = coalesce(r.TopicId, k.PostId)
          WHERE TRUE
        """ + "\n" + VisibleToViewer + "\n  ORDER BY c.RowId DESC\n  LIMIT @candidates)";

    /// <summary>How often the query (<c>@q1</c>, and the better of it and <c>@q2</c> when the NFKC form differs) occurs in a
    /// text, ASCII letters lower-cased in both as SQLite's <c>lower</c> does when the query has any (<paramref name="foldCase"/>;
    /// without ASCII letters, lower-casing the text changes no match and only costs). The count PostgreSQL ranks with too,
    /// which folds the case of every letter (a post that matches only through other letters' case counts 0 here and ranks
    /// last; docs/adr/0044).</summary>
    private static string Hits(string text, bool foldCase, bool twoForms)
    {
        var folded = foldCase ? $"lower({text})" : text;
        var hits1 = $"(length({text}) - length(replace({folded}, @q1, ''))) / length(@q1)";
        return twoForms ? $"max({hits1}, (length({text}) - length(replace({folded}, @q2, ''))) / length(@q2))" : hits1;
    }

    /// <summary>The relevance statements, [fold case, two forms, after a keyset].</summary>
    private static readonly string[] RelevanceStatements =
    [
        .. from foldCase in new[] { false, true }
           from twoForms in new[] { false, true }
           from hasAfter in new[] { false, true }
           select string.Concat(Select, IndexedMatches(foldCase, twoForms), hasAfter ? AfterRelevance : NoKeyset, OrderRelevance),
    ];

    /// <summary>The check of a 1–2 character query's candidates (newest first, the only order of that path: every rank is
    /// 0), which come from the index of single characters <c>PostSearchChars</c>, where every character is a token. The
    /// index only proposes: it keeps no positions (docs/adr/0037), folds more case than <c>LIKE</c> and does not see the
    /// spaces between words, so each candidate is rechecked with <c>LIKE</c> against its own text, and what matches is
    /// exactly the substring (ASCII case folded) as before (docs/adr/0035). <c>@pattern2</c> is the NFKC form's pattern,
    /// or NULL (matching nothing) when it is the same.</summary>
    private const string CharactersRecheck = """

          AND (CASE WHEN k.IsReply = 1
                    THEN r.Body LIKE @pattern ESCAPE '\' OR r.Body LIKE @pattern2 ESCAPE '\'
                    ELSE t.Title LIKE @pattern ESCAPE '\' OR t.Body LIKE @pattern ESCAPE '\'
                         OR t.Title LIKE @pattern2 ESCAPE '\' OR t.Body LIKE @pattern2 ESCAPE '\' END)
        """;

    private const string NewestAfter = "\n          AND (coalesce(r.CreatedAt, t.CreatedAt), k.PostId) < (@afterCreatedAt, @afterPostId)";

    /// <summary>The newest-first statements, [index of single characters or trigrams, after a keyset or not].</summary>
    private static readonly string[] NewestStatements =
    [
        NewestThrough("PostSearchChars", CharactersRecheck, hasAfter: false),
        NewestThrough("PostSearchChars", CharactersRecheck, hasAfter: true),
        NewestThrough("PostSearch", string.Empty, hasAfter: false),
        NewestThrough("PostSearch", string.Empty, hasAfter: true),
    ];

    /// <summary>Newest first through one FTS5 index (<c>PostSearch</c>, trigrams, or <c>PostSearchChars</c>, same rowids),
    /// read backwards in rowid order, which is time order to the millisecond (migration <c>PostSearchTimeOrder</c>): FTS5
    /// walks its index from the newest entry before <c>@beforeRowId</c> (which skips the milliseconds after the keyset)
    /// and the reader stops after a page, so nothing sorts every match (<see cref="ReadNewestPageAsync"/>). At most
    /// <c>@candidates</c> entries the viewer may see are read (<see cref="SearchTerms.MaxCandidates"/>, docs/adr/0037), and
    /// <em>every</em> one is a row, with <c>Passes</c> saying whether the post matches (<paramref name="recheck"/>) and is
    /// after the keyset: the reader counts what it read, so it knows without a second statement whether the index had no
    /// more or the bound stopped it. A query whose candidates mostly fail (two common characters that are seldom next to
    /// each other) would otherwise read the whole index in one request. Posts the viewer may not see are not candidates
    /// (docs/adr/0044): the bound, and the resume point that goes to the client in a cursor, tell nothing of them; at most
    /// <c>@entries</c> (<see cref="SearchTerms.MaxEntriesRead"/>) index entries are read in all, so that posts the viewer may
    /// not see cannot make one request read the whole index either.</summary>
    private static string NewestThrough(string table, string recheck, bool hasAfter) => $"""
        SELECT k.PostId AS PostId, k.IsReply AS IsReply, t.Id AS TopicId,
               coalesce(r.CreatedAt, t.CreatedAt) AS CreatedAt, 0.0 AS Rank, c.RowId AS RowId,
               CASE WHEN TRUE{recheck}{(hasAfter ? NewestAfter : string.Empty)}
               THEN 1 ELSE 0 END AS Passes
        FROM (SELECT rowid AS RowId FROM {table} WHERE {table} MATCH @match AND rowid < @beforeRowId ORDER BY rowid DESC LIMIT @entries) AS c
        JOIN PostSearchKeys AS k ON k.RowId = c.RowId
        LEFT JOIN Replies AS r ON k.IsReply = 1 AND r.Id = k.PostId
        JOIN Topics AS t ON t.Id = coalesce(r.TopicId, k.PostId)
        WHERE TRUE
        """ + "\n" + VisibleToViewer + """

        ORDER BY c.RowId DESC
        LIMIT @candidates
        """;

    /// <summary>How many bits of a search key number the posts within one millisecond.</summary>
    private const int SequenceBits = 20;

    private const string Select = "SELECT PostId, IsReply, TopicId, CreatedAt, Rank FROM (\n";

    private const string NoKeyset = "\n) AS m\n";

    private const string AfterRelevance = "\n) AS m\nWHERE Rank > @afterRank OR (Rank = @afterRank AND (CreatedAt, PostId) < (@afterCreatedAt, @afterPostId))\n";

    private const string OrderRelevance = "ORDER BY Rank, CreatedAt DESC, PostId DESC\nLIMIT @limit";

    /// <summary>How EF Core's SQLite provider stores a <see cref="DateTime"/>; text order is time order.</summary>
    private const string SqliteDateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public async Task<PostSearchPage> SearchAsync(
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
            return PostSearchPage.Empty;
        }

        // Every rank is 0 on the character path, so its relevance order is its newest order (CharactersNewest).
        if (!terms.UsesIndex)
        {
            order = SearchOrder.Newest;
        }

        var readsBackwards = order == SearchOrder.Newest;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            // Relevance counts each form's occurrences: the NFKC form only when it differs, ASCII case folded only when a form
            // has ASCII letters.
            var q1 = AsciiLower(terms.Typed);
            var q2 = terms.Normalized is null ? null : AsciiLower(terms.Normalized);
            var twoForms = q2 is not null && q2 != q1;
            var foldCase = HasAsciiLetter(terms.Typed) || (terms.Normalized is not null && HasAsciiLetter(terms.Normalized));
            command.CommandText = readsBackwards ? NewestSql(terms.UsesIndex, after is not null) : RelevanceSql(after is not null, foldCase, twoForms);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            AddParameter(command, "@viewer", SqliteGuid(viewerId));
            AddParameter(command, "@candidates", SearchTerms.MaxCandidates);
            AddParameter(command, "@entries", SearchTerms.MaxEntriesRead);
            if (readsBackwards)
            {
                AddParameter(command, "@beforeRowId", after is null ? long.MaxValue : KeyBefore(after.CreatedAt));
            }
            else
            {
                AddParameter(command, "@limit", limit);
                AddParameter(command, "@q1", q1);
                if (twoForms)
                {
                    AddParameter(command, "@q2", q2);
                }
            }

            if (terms.UsesIndex)
            {
                AddParameter(command, "@match", terms.FtsQuery());
            }
            else
            {
                AddParameter(command, "@match", terms.FtsCharactersQuery());
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

            if (readsBackwards)
            {
                return await ReadNewestPageAsync(command, limit, cancellationToken);
            }

            var matches = new List<PostMatch>(Math.Min(limit, 100));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                matches.Add(Read(reader));
            }

            return new PostSearchPage(matches);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A newest-first page from at most <see cref="SearchTerms.MaxCandidates"/> index entries (docs/adr/0037). When the
    /// statement ran out of rows before the page was full, either the index had no more entries (fewer rows than the
    /// bound: the page is the last) or the read used up its candidates: then the page keeps the matches of the
    /// milliseconds it read completely and says to resume before the millisecond where it stopped, which the next request
    /// reads again from its start. Only if every candidate read lay in one millisecond (no progress possible that way)
    /// is that millisecond read whole.</summary>
    private static async Task<PostSearchPage> ReadNewestPageAsync(DbCommand command, int limit, CancellationToken cancellationToken)
    {
        NewestRead read;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            read = await ReadNewestAsync(reader, limit, cancellationToken);
        }

        if (!read.RanOut || read.Rows < SearchTerms.MaxCandidates)
        {
            return Page(read.Matches, limit);
        }

        var stoppedIn = read.OldestRowId >> SequenceBits;
        if (stoppedIn == read.NewestRowId >> SequenceBits)
        {
            command.Parameters["@candidates"].Value = long.MaxValue;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return Page((await ReadNewestAsync(reader, limit, cancellationToken)).Matches, limit);
        }

        var complete = read.Matches.Where(m => m.Millisecond > stoppedIn).ToList();
        return complete.Count >= limit
            ? Page(complete, limit)
            : new PostSearchPage(
                complete.ConvertAll(m => m.Match),
                new PostMatch(Guid.Empty, false, Guid.Empty, DateTime.UnixEpoch.AddMilliseconds(stoppedIn + 1), 0.0));
    }

    private static PostSearchPage Page(List<(PostMatch Match, long Millisecond)> matches, int limit) =>
        new(matches.Take(limit).Select(m => m.Match).ToList());

    /// <summary>Reads the index's entries newest millisecond first, keeping those that pass, and stops once a page is
    /// complete: after <paramref name="limit"/> matches, it reads on only while the rows are in the same millisecond as
    /// the last match (rowid order does not order posts within a millisecond), then sorts the matches exactly by
    /// (CreatedAt, PostId), newest first. Every row it did not read is in an older millisecond, so older than each match
    /// of the page.</summary>
    private static async Task<NewestRead> ReadNewestAsync(DbDataReader reader, int limit, CancellationToken cancellationToken)
    {
        var matches = new List<(PostMatch Match, long Millisecond)>(Math.Min(limit + 1, 101));
        var lastMillisecond = long.MaxValue;
        long rows = 0, newest = 0, oldest = 0;
        var ranOut = true;
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(5);
            var millisecond = rowId >> SequenceBits;
            if (matches.Count >= limit && millisecond < lastMillisecond)
            {
                ranOut = false;
                break;
            }

            newest = rows == 0 ? rowId : newest;
            oldest = rowId;
            rows++;
            if (reader.GetInt64(6) != 0)
            {
                matches.Add((Read(reader), millisecond));
                lastMillisecond = millisecond;
            }
        }

        // As SQLite orders them: time, then the id's text (upper case, ordinal).
        matches.Sort(static (a, b) =>
        {
            var byTime = b.Match.CreatedAt.CompareTo(a.Match.CreatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(SqliteGuid(b.Match.PostId), SqliteGuid(a.Match.PostId));
        });
        return new NewestRead(matches, ranOut, rows, oldest, newest);
    }

    /// <summary>What a newest-first read found: the matches with their milliseconds, whether the statement ran out of
    /// rows (rather than the page being complete), and how many index entries it read, the oldest and the newest.</summary>
    private sealed record NewestRead(List<(PostMatch Match, long Millisecond)> Matches, bool RanOut, long Rows, long OldestRowId, long NewestRowId);

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

    /// <summary>The first search key of the millisecond after <paramref name="createdAt"/>: every post of that
    /// millisecond and before has a smaller key. A time past the keys' range (2^43 ms after 1970, the year 2248) is after
    /// every key (<see cref="long.MaxValue"/>) and one as far before 1970 before every key, not a shift that overflows.</summary>
    internal static long KeyBefore(DateTime createdAt)
    {
        var next = Millisecond(createdAt) + 1;
        const long range = 1L << (63 - SequenceBits);
        return next >= range ? long.MaxValue : next < -range ? long.MinValue : next << SequenceBits;
    }

    /// <summary>The newest-first statement of either index, for the first page or one after a keyset; made only of the
    /// constants above.</summary>
    internal static string NewestSql(bool usesIndex, bool hasAfter) => NewestStatements[(usesIndex ? 2 : 0) + (hasAfter ? 1 : 0)];

    /// <summary>The relevance-ordered statement of the trigram index (3+ characters); made only of the constants above.</summary>
    internal static string RelevanceSql(bool hasAfter, bool foldCase = true, bool twoForms = true) =>
        RelevanceStatements[(foldCase ? 4 : 0) + (twoForms ? 2 : 0) + (hasAfter ? 1 : 0)];

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>ASCII letters lower-cased, nothing else: what SQLite's <c>lower</c> does to a post's text.</summary>
    private static string AsciiLower(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
        }
    });

    private static bool HasAsciiLetter(string text) => text.Any(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z');

    /// <summary>EF Core stores GUIDs as upper-case text.</summary>
    private static string SqliteGuid(Guid id) => id.ToString("D").ToUpperInvariant();

    /// <summary>As EF Core writes it, after the context's UTC conversion.</summary>
    private static string SqliteDateTime(DateTime value) =>
        (value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime()).ToString(SqliteDateTimeFormat, CultureInfo.InvariantCulture);
}
