using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Salon.Application.Consultations;
using Salon.Infrastructure.Persistence;

namespace Salon.Infrastructure.Consultations.Search;

/// <summary>
/// Post search on PostgreSQL, with the same semantics as <see cref="SqlitePostSearch"/>: the query is a
/// literal substring (no operators), searched as typed and in its NFKC form (<see cref="SearchTerms"/>), with
/// the same visibility rules in the same SQL (blocks on named posts only, the viewer's hidden posts left out) and the same keyset over (rank, CreatedAt desc, PostId desc).
/// <para>
/// Queries of 3+ characters (code points) match with <c>ILIKE</c> (case folded like SQLite's trigram tokenizer; plain
/// <c>LIKE</c> when the query has no case, docs/adr/0040). Their candidates come from GIN indexes of each post's trigrams
/// by week (migration <c>PostSearchWeeks</c>, docs/adr/0042), read newest week first, at most
/// <see cref="SearchTerms.MaxCandidates"/> per request as on SQLite (docs/adr/0037): each candidate is then tested against
/// the pattern, so a match is exactly a substring match. Trigrams cannot serve 1–2 characters:
/// those match with <c>LIKE ANY</c> over the query's ASCII-case variants (ASCII case only, as SQLite's <c>LIKE</c>), all
/// with rank 0, reading the newest few posts of each table and then, week by week, the posts holding the query's
/// characters or pairs (migration <c>ShortSearchWeeks</c>, docs/adr/0051; <see cref="ShortCandidates"/>); when one form is
/// longer (「㍿」, 「株式会社」 in NFKC), that form matches with <c>ILIKE</c> and its candidates come from the weekly trigrams
/// (<see cref="MixedTopicMatches"/>). Either way patterns are escaped, so <c>%</c>, <c>_</c> and <c>\</c> are literal.
/// </para>
/// <para>
/// Relevance (lower is better): minus a saturating count of occurrences, a title weighing twice the
/// body: <c>-(2·t/(t+1) + b/(b+1))</c> for t occurrences in the title and b in the body (the better of the two
/// query forms), the same formula as on SQLite (docs/adr/0044); the same posts match on both providers, and a title match ranks first
/// on both, but ranks are not numerically equal. Newest order does not compute it (rank 0).
/// </para>
/// <para>
/// The weekly keys take every run of three characters, in any locale; the case folding of letters beyond ASCII
/// (<c>ILIKE</c>, and <c>lower()</c> in the keys) follows the database's <c>LC_CTYPE</c>, which docs/deploy.md sets to
/// <c>C.UTF-8</c>. No pg_trgm index is read (migration <c>UnreadTrigramIndexes</c> dropped them).
/// </para>
/// </summary>
public sealed class PostgresPostSearch(SalonDbContext db) : IPostSearch
{
    /// <summary>A search of 1–2 characters first reads this many of each table's newest posts (after the keyset) and tests
    /// them, before it reads candidates week by week (docs/adr/0051).</summary>
    internal const int WalkRows = 256;

    /// <summary><c>{like}</c> is <c>ILIKE</c>, or plain <c>LIKE</c> when no character of the query has case
    /// (<see cref="Caseless"/>): then the two match exactly the same posts, and <c>ILIKE</c> lower-cases every text it
    /// tests (for Japanese, most of a walk's or a recheck's cost; docs/adr/0040).</summary>
    private const string TopicMatches1 = """(s."Title" {like} @p1 OR s."Body" {like} @p1)""";
    private const string TopicMatches2 = """(s."Title" {like} @p1 OR s."Body" {like} @p1 OR s."Title" {like} @p2 OR s."Body" {like} @p2)""";
    private const string ReplyMatches1 = """r."Body" {like} @p1""";
    private const string ReplyMatches2 = """(r."Body" {like} @p1 OR r."Body" {like} @p2)""";

    /// <summary>Short queries: every ASCII-case variant of the short forms in one array (see <see cref="CaseVariants"/>):
    /// whether a post holds one of them, tested on each candidate. Wrapped (<c>|| ''</c>) so that no index on the text is
    /// used for it (as pg_trgm's were, before migration <c>UnreadTrigramIndexes</c>: a pattern of 1–2 characters has no
    /// trigram, so every post would have been a candidate).</summary>
    private const string ShortTopicMatches = """((s."Title" || '') LIKE ANY (@patterns) OR (s."Body" || '') LIKE ANY (@patterns))""";
    private const string ShortReplyMatches = """(r."Body" || '') LIKE ANY (@patterns)""";

    /// <summary>A query with one form of 1–2 characters and the other longer (typed 「㍿」, NFKC 「株式会社」): the short form as
    /// in <see cref="ShortTopicMatches"/> or the long one with <c>ILIKE</c> as a query of 3+ characters (<c>@plong</c>).</summary>
    private const string MixedTopicMatches = "(" + ShortTopicMatches + """ OR s."Title" {like} @plong OR s."Body" {like} @plong)""";
    private const string MixedReplyMatches = "(" + ShortReplyMatches + """ OR r."Body" {like} @plong)""";

    /// <summary>A post's weekly characters and pairs (migration <c>ShortSearchWeeks</c>) overlap the week's keys of the query
    /// (<c>q.ks</c>: the short forms, ASCII lower-cased, each prefixed with <c>:</c>; here with the week before it): exactly
    /// the posts of that week that hold a form, whatever the ASCII case, as the <c>LIKE ANY</c> says. The posts' expressions
    /// are the indexes' own (<c>ShortSearchWeeks.Topic</c>, <c>.Reply</c>).</summary>
    private const string TopicShortKeys = """(salon_search_short_keys(s."CreatedAt", s."Title") || salon_search_short_keys(s."CreatedAt", s."Body")) && (SELECT array_agg(g.week::text || k) FROM unnest(q.ks) AS k)""";

    private const string ReplyShortKeys = """salon_search_short_keys(r."CreatedAt", r."Body") && (SELECT array_agg(g.week::text || k) FROM unnest(q.ks) AS k)""";

    /// <summary>Queries of 1–2 characters (and a short form beside a long one, <see cref="MixedTopicMatches"/>): first the
    /// newest <c>@walk</c> (<see cref="WalkRows"/>) posts of each table after the keyset, visible or not, in time order (a
    /// common character's page is among them: 「の」 in a week of 270,000 replies that all hold it would otherwise be read
    /// whole, the week's candidates being sorted before the first row); where that walk's reach ends (<c>edge</c>: the later
    /// of each table's last post read, when the table had that many), the weekly index's candidates take over (docs/adr/0051).
    /// The walk's posts at or after the edge are in the order the page needs; only those the viewer may see that match are
    /// rows (not candidates that could become a resume point: all of them are read, whatever they hold). Then, week by week
    /// from the edge's down, the posts older than the edge holding the query's characters or pairs (or, for a mixed query,
    /// the long form's trigrams), as for 3+ characters (<see cref="WeeklyCandidates"/>); with no edge, every post after the
    /// keyset was walked and no week is read. At most <c>@candidates</c> rows in all. A rare character costs the walk and
    /// one index probe per week and table, a common one the walk, whatever the number of posts without it.</summary>
    private const string ShortCandidates = """
        WITH tw AS MATERIALIZED (
          SELECT s.* FROM "TopicSearchTexts" AS s{walkTopicAfter}
          ORDER BY s."CreatedAt" DESC, s."TopicId" DESC
          LIMIT @walk),
        rw AS MATERIALIZED (
          SELECT r.* FROM "Replies" AS r{walkReplyAfter}
          ORDER BY r."CreatedAt" DESC, r."Id" DESC
          LIMIT @walk),
        edge AS MATERIALIZED (
          SELECT e."CreatedAt", e."PostId" FROM (
            (SELECT "CreatedAt", "TopicId" AS "PostId" FROM tw ORDER BY "CreatedAt" DESC, "TopicId" DESC OFFSET @walk - 1 LIMIT 1)
            UNION ALL
            (SELECT "CreatedAt", "Id" FROM rw ORDER BY "CreatedAt" DESC, "Id" DESC OFFSET @walk - 1 LIMIT 1)) AS e
          ORDER BY e."CreatedAt" DESC, e."PostId" DESC
          LIMIT 1)
        SELECT a.* FROM (
          (SELECT * FROM (
            SELECT t."Id" AS "PostId", FALSE AS "IsReply", t."Id" AS "TopicId", t."CreatedAt" AS "CreatedAt",
              NULL::text AS "TitleText", NULL::text AS "BodyText", TRUE AS "Passes"
            FROM tw AS s
            JOIN "Topics" AS t ON t."Id" = s."TopicId"
            WHERE {topicMatch}
              AND (NOT EXISTS (SELECT 1 FROM edge) OR (s."CreatedAt", s."TopicId") >= (SELECT "CreatedAt", "PostId" FROM edge))
        """ + "\n  AND " + TopicVisible + """

            UNION ALL
            SELECT r."Id", TRUE, r."TopicId", r."CreatedAt", NULL::text, NULL::text, TRUE
            FROM rw AS r
            JOIN "Topics" AS t ON t."Id" = r."TopicId"
            WHERE {replyMatch}
              AND (NOT EXISTS (SELECT 1 FROM edge) OR (r."CreatedAt", r."Id") >= (SELECT "CreatedAt", "PostId" FROM edge))
        """ + "\n  AND " + ReplyVisible + """
        ) AS p
          ORDER BY "CreatedAt" DESC, "PostId" DESC)
          UNION ALL
          ({weekly})) AS a
        LIMIT @candidates
        """;

    private const string EdgeWeek = """salon_search_week((SELECT "CreatedAt" FROM edge))""";

    /// <summary>A week's candidates are older than the walk's edge. Written so that no index can serve it (<c>IS TRUE</c>):
    /// as a plain condition the planner combined each week's GIN scan with a scan of the time order's whole range below the
    /// edge (<c>BitmapAnd</c>), 10 ms a week on 545,000 replies, instead of testing the week's few candidates.</summary>
    private const string EdgeTopicAfter = "\n             AND ((s.\"CreatedAt\", s.\"TopicId\") < (SELECT \"CreatedAt\", \"PostId\" FROM edge)) IS TRUE";

    private const string EdgeReplyAfter = "\n             AND ((r.\"CreatedAt\", r.\"Id\") < (SELECT \"CreatedAt\", \"PostId\" FROM edge)) IS TRUE";

    private const string WalkTopicAfter = "\n  WHERE (s.\"CreatedAt\", s.\"TopicId\") < (@afterCreatedAt, @afterPostId)";

    private const string WalkReplyAfter = "\n  WHERE (r.\"CreatedAt\", r.\"Id\") < (@afterCreatedAt, @afterPostId)";

    /// <summary>Who may see a topic <c>t</c>: not deleted, visible or the viewer's own, not by a named author the viewer
    /// blocked, not hidden by the viewer.</summary>
    private const string TopicVisible = """
        t."DeletedAt" IS NULL
          AND (t."Visibility" = 0 OR t."AuthorId" = @viewer)
          AND (t."IsAnonymous" OR NOT EXISTS (SELECT 1 FROM "MemberBlocks" AS b WHERE b."BlockerId" = @viewer AND b."BlockedId" = t."AuthorId"))
          AND NOT EXISTS (SELECT 1 FROM "HiddenPosts" AS h WHERE h."MemberId" = @viewer AND h."PostId" = t."Id")
        """;

    /// <summary>What of a reply <c>r</c> itself lets the viewer see it: not deleted, visible (or the viewer's own), not by a
    /// named author the viewer blocked, not hidden by the viewer. Its topic must be visible too (<see cref="ReplyVisible"/>).</summary>
    private const string ReplyOwnVisible = """
        r."DeletedAt" IS NULL
          AND (r."Visibility" = 0 OR r."AuthorId" = @viewer)
          AND (r."IsAnonymous" OR NOT EXISTS (SELECT 1 FROM "MemberBlocks" AS b WHERE b."BlockerId" = @viewer AND b."BlockedId" = r."AuthorId"))
          AND NOT EXISTS (SELECT 1 FROM "HiddenPosts" AS h WHERE h."MemberId" = @viewer AND h."PostId" = r."Id")
        """;

    /// <summary>Who may see a reply <c>r</c> in topic <c>t</c>: the reply (<see cref="ReplyOwnVisible"/>) and its topic
    /// (<see cref="TopicVisible"/>) both.</summary>
    private const string ReplyVisible = ReplyOwnVisible + "\n  AND " + TopicVisible;

    /// <summary>Queries of 3+ characters: the candidates, newest first, at most <c>@candidates</c>
    /// (<see cref="SearchTerms.MaxCandidates"/>) of them (docs/adr/0042). For each week from the newest post's (or the
    /// keyset's, <c>{firstWeek}</c>) down to the oldest post's, the posts whose weekly trigram keys (migration
    /// <c>PostSearchWeeks</c>) hold that week's keys of the query (<c>{topicKeys}</c>/<c>{replyKeys}</c>), sorted within the
    /// week: a week's candidates are read through the GIN indexes exactly, and the <c>LIMIT</c> stops the weeks once enough
    /// are read. Only posts the viewer may see are candidates (the visibility rules are in the <c>WHERE</c>): the bound counts
    /// those, and the last one read, which may become the page's resume point in a cursor the viewer can decode, is one
    /// they may see. Every candidate is a row, with <c>"Passes"</c>: the match itself (<c>LIKE</c>/<c>ILIKE</c>, which the
    /// keys imply but do not decide: the trigrams may be apart). A post's texts come along for the relevance rank. A week's
    /// posts are sorted before their topics are read (<c>OFFSET 0</c> keeps the sort below the join): the reply's own rules
    /// are tested as the index gives it, the topic's as rows are taken, so a page found early in a week of hundreds of
    /// candidates reads a page's topics, not the week's (docs/adr/0054).</summary>
    private const string WeeklyCandidates = """
        SELECT c.* FROM (SELECT {queryTrigrams}) AS q, generate_series(
            {firstWeek},
            salon_search_week(least((SELECT min("CreatedAt") FROM "Topics"), (SELECT min("CreatedAt") FROM "Replies"))),
            -1) AS g(week)
        CROSS JOIN LATERAL (
          SELECT k."PostId", k."IsReply", k."TopicId", k."CreatedAt", k."TitleText", k."BodyText", k."Passes" FROM (
            (SELECT s."TopicId" AS "PostId", FALSE AS "IsReply", s."TopicId" AS "TopicId", s."CreatedAt" AS "CreatedAt",
               s."Title" AS "TitleText", s."Body" AS "BodyText", ({topicMatch}) IS TRUE AS "Passes"
             FROM "TopicSearchTexts" AS s
             WHERE {topicKeys}{topicAfter})
            UNION ALL
            (SELECT r."Id", TRUE, r."TopicId", r."CreatedAt", NULL::text, r."Body", ({replyMatch}) IS TRUE
             FROM "Replies" AS r
             WHERE {replyKeys}{replyAfter}
        """ + "\n  AND " + ReplyOwnVisible + """
        )
            ORDER BY "CreatedAt" DESC, "PostId" DESC
            OFFSET 0) AS k
          JOIN "Topics" AS t ON t."Id" = k."TopicId"
          WHERE
        """ + "\n  " + TopicVisible + """
          ORDER BY k."CreatedAt" DESC, k."PostId" DESC) AS c
        """;

    /// <summary>A week's candidates are older than the keyset: <c>IS TRUE</c> as the edge's (<see cref="EdgeTopicAfter"/>), so
    /// that no plan, generic ones included, scans the time order's whole range below the keyset beside each week's probe.</summary>
    private const string WeeklyTopicAfter = "\n             AND ((s.\"CreatedAt\", s.\"TopicId\") < (@afterCreatedAt, @afterPostId)) IS TRUE";

    private const string WeeklyReplyAfter = "\n             AND ((r.\"CreatedAt\", r.\"Id\") < (@afterCreatedAt, @afterPostId)) IS TRUE";

    /// <summary>The newest post's week: where a first page starts. A keyset's week is never later (a forged cursor dated
    /// in the year 9999 must not make a search walk millions of empty weeks).</summary>
    private const string NewestWeek = """salon_search_week(greatest((SELECT max("CreatedAt") FROM "Topics"), (SELECT max("CreatedAt") FROM "Replies")))""";

    private const string KeysetWeek = "least(salon_search_week(@afterCreatedAt), " + NewestWeek + ")";

    /// <summary>A post's weekly keys hold the week's keys of the query (<c>@k1</c>, and <c>@k2</c> for a second form): its
    /// trigrams, computed once (<c>q</c>), each prefixed with the week. The posts' expressions are the indexes' own
    /// (<c>PostSearchWeeks.Indexes</c>).</summary>
    private const string TopicKeys = """(salon_search_keys(s."CreatedAt", s."Title") || salon_search_keys(s."CreatedAt", s."Body")) @> (SELECT array_agg(g.week::text || k) FROM unnest(q.k{n}) AS k)""";

    private const string ReplyKeys = """salon_search_keys(r."CreatedAt", r."Body") @> (SELECT array_agg(g.week::text || k) FROM unnest(q.k{n}) AS k)""";

    /// <summary>Newest first: the candidates numbered as read (<c>"Read"</c>), and of them only those that pass, and the
    /// last one the bound allows (<c>"Read" = @candidates</c>), which tells the reader that the bound stopped the read and
    /// where. The outer <c>LIMIT</c> stops the read once a page of matches is found.</summary>
    private const string NewestWeekly = """
        SELECT "PostId", "IsReply", "TopicId", "CreatedAt", 0.0::double precision AS "Rank", "Passes", "Read" FROM (
          SELECT c.*, row_number() OVER () AS "Read" FROM (
        {candidates}) AS c) AS w
        WHERE "Passes" OR "Read" = @candidates
        LIMIT @limit
        """;

    /// <summary>Relevance: the candidates that pass among the newest <c>@candidates</c>, ranked; <c>OFFSET 0</c> keeps the
    /// planner from ranking before the limit.</summary>
    private const string RankedWeekly = """
        SELECT w."PostId", w."IsReply", w."TopicId", w."CreatedAt", {rank} AS "Rank"
        FROM ({candidates}) AS w
        WHERE w."Passes"
        OFFSET 0
        """;

    private const string Select = "SELECT \"PostId\", \"IsReply\", \"TopicId\", \"CreatedAt\", \"Rank\" FROM (\n";

    private const string NoKeyset = "\n) AS m\n";

    private const string AfterRelevance = "\n) AS m\nWHERE \"Rank\" > @afterRank OR (\"Rank\" = @afterRank AND (\"CreatedAt\", \"PostId\") < (@afterCreatedAt, @afterPostId))\n";

    private const string OrderRelevance = "ORDER BY \"Rank\", \"CreatedAt\" DESC, \"PostId\" DESC\nLIMIT @limit";

    /// <summary>Session settings sent before the search in the same round trip; Npgsql's reset (<c>RESET ALL</c>) undoes
    /// them before the pooled connection's next use. <c>jit = off</c>: a walk that stops after a page is costed as if it
    /// read the whole index, so PostgreSQL compiled every short or rare search (about a second of JIT for a query that
    /// then ran in 0.5 ms at 100,000 topics; docs/adr/0031). No parallel plans: the weekly statements read each week in a
    /// subquery, and where the planner expected enough rows there (a short form beside a long one, 「㍿」) it started a
    /// parallel worker for every week probed, about 15 ms each: 2.6 s for 162 empty weeks, where the same statement
    /// without workers reads them in milliseconds (docs/adr/0051). Generic plans: planning these statements cost 1.3–2 ms
    /// on every search, and every choice that depends on a value is fenced (<c>OFFSET 0</c>, <c>IS TRUE</c>,
    /// <c>MATERIALIZED</c>; docs/adr/0054).</summary>
    private const string SessionSettings = "SET jit = off;\nSET max_parallel_workers_per_gather = 0;\nSET plan_cache_mode = force_generic_plan;\n";

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

        // PostgreSQL text is valid UTF-8: a lone surrogate becomes U+FFFD, as it does on its way into SQLite.
        var typed = ValidUtf8(terms.Typed);
        var normalized = terms.Normalized is null ? null : ValidUtf8(terms.Normalized);
        if (normalized == typed)
        {
            normalized = null;
        }

        // Every rank is 0 on the short path, so its relevance order is its newest order (and pages the same way).
        if (!terms.UsesIndex)
        {
            order = SearchOrder.Newest;
        }

        var ranked = terms.UsesIndex && order == SearchOrder.Relevance;
        // A lone surrogate is one code point as typed and as U+FFFD, so the counts hold for the valid UTF-8 forms too.
        // One form of 1–2 characters and the other longer (「㍿」 is 「株式会社」 in NFKC): each form through its own index.
        var mixed = !terms.UsesIndex && !terms.IsCharactersOrPair && normalized is not null;
        var typedIsShort = SearchTerms.CodePoints(typed) <= 2;
        var shortForms = !mixed ? [typed, normalized ?? typed] : new[] { typedIsShort ? typed : normalized! };
        var longForm = !mixed ? null : typedIsShort ? normalized : typed;
        var caseless = Caseless(typed) && (normalized is null || Caseless(normalized));
        var sql = BuildSql(terms.UsesIndex, usesGrams: !mixed, twoForms: normalized is not null, ranked, after is not null, caseless);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = SessionSettings + sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            AddParameter(command, "viewer", viewerId);
            AddParameter(command, "limit", limit);
            if (terms.UsesIndex)
            {
                AddParameter(command, "candidates", SearchTerms.MaxCandidates);
                AddParameter(command, "p1", SearchTerms.LikePattern(typed));
                AddParameter(command, "k1", typed);
                if (normalized is not null)
                {
                    AddParameter(command, "p2", SearchTerms.LikePattern(normalized));
                    AddParameter(command, "k2", normalized);
                }
            }
            else
            {
                AddParameter(command, "candidates", SearchTerms.MaxCandidates);
                AddParameter(command, "walk", WalkRows);
                AddParameter(command, "patterns", shortForms.SelectMany(CaseVariants).Select(SearchTerms.LikePattern).Distinct(StringComparer.Ordinal).ToArray());
                AddParameter(command, "grams", shortForms.Select(AsciiLower).Distinct(StringComparer.Ordinal).ToArray());
                if (longForm is not null)
                {
                    AddParameter(command, "plong", SearchTerms.LikePattern(longForm));
                    AddParameter(command, "klong", longForm);
                }
            }

            if (ranked)
            {
                AddParameter(command, "q1", typed.ToLowerInvariant());
                AddParameter(command, "q2", (normalized ?? typed).ToLowerInvariant());
            }

            if (after is not null)
            {
                AddParameter(command, "afterCreatedAt", after.CreatedAt.Kind == DateTimeKind.Utc ? after.CreatedAt : after.CreatedAt.ToUniversalTime());
                AddParameter(command, "afterPostId", after.PostId);
                if (order == SearchOrder.Relevance)
                {
                    AddParameter(command, "afterRank", after.Rank);
                }
            }

            var matches = new List<PostMatch>(Math.Min(limit, 100));
            PostMatch? bound = null;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var newestWeekly = !ranked;
            while (await reader.ReadAsync(cancellationToken))
            {
                var match = new PostMatch(
                    reader.GetGuid(0),
                    reader.GetBoolean(1),
                    reader.GetGuid(2),
                    DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc),
                    reader.GetDouble(4));
                if (!newestWeekly || reader.GetBoolean(5))
                {
                    matches.Add(match);
                }

                if (newestWeekly && reader.GetInt64(6) == SearchTerms.MaxCandidates)
                {
                    bound = match;
                }
            }

            // The bound stopped the read before a page was found: the matches are all there are up to the last candidate
            // read, and the next page starts right after it (docs/adr/0037, 0042).
            return bound is not null && matches.Count < limit ? new PostSearchPage(matches, bound) : new PostSearchPage(matches);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The statement for one path, order (<paramref name="ranked"/>: relevance) and page; made only of the constants above.</summary>
    internal static string BuildSql(bool usesIndex, bool usesGrams, bool twoForms, bool ranked, bool hasAfter, bool caseless = false) =>
        BuildSql(usesIndex, usesGrams, twoForms, ranked, hasAfter).Replace("{like}", caseless ? "LIKE" : "ILIKE", StringComparison.Ordinal);

    private static string BuildSql(bool usesIndex, bool usesGrams, bool twoForms, bool ranked, bool hasAfter)
    {
        if (usesIndex)
        {
            return WeeklySql(twoForms, ranked, hasAfter);
        }

        // 1–2 characters (or one such form beside a longer one): always newest first (every rank is 0).
        return NewestWeekly.Replace("{candidates}", ShortSql(mixed: !usesGrams, hasAfter), StringComparison.Ordinal);
    }

    /// <summary>A query of 1–2 characters, or a short form beside a long one (<paramref name="mixed"/>): the walk, then the
    /// weekly index of characters and pairs (and for a mixed query, of trigrams) from its edge down (docs/adr/0051).</summary>
    private static string ShortSql(bool mixed, bool hasAfter)
    {
        var topicKeys = mixed ? $"({TopicShortKeys} OR {TopicKeys.Replace("{n}", "l", StringComparison.Ordinal)})" : TopicShortKeys;
        var replyKeys = mixed ? $"({ReplyShortKeys} OR {ReplyKeys.Replace("{n}", "l", StringComparison.Ordinal)})" : ReplyShortKeys;
        var weekly = WeeklyCandidates
            .Replace("{queryTrigrams}", "ARRAY(SELECT ':' || k FROM unnest(@grams) AS k) AS ks" + (mixed ? ", salon_search_query_trigrams(@klong) AS kl" : string.Empty), StringComparison.Ordinal)
            .Replace("{firstWeek}", EdgeWeek, StringComparison.Ordinal)
            .Replace("{topicKeys}", topicKeys, StringComparison.Ordinal)
            .Replace("{replyKeys}", replyKeys, StringComparison.Ordinal)
            .Replace("{topicAfter}", EdgeTopicAfter, StringComparison.Ordinal)
            .Replace("{replyAfter}", EdgeReplyAfter, StringComparison.Ordinal);
        return ShortCandidates
            .Replace("{weekly}", weekly, StringComparison.Ordinal)
            .Replace("{walkTopicAfter}", hasAfter ? WalkTopicAfter : string.Empty, StringComparison.Ordinal)
            .Replace("{walkReplyAfter}", hasAfter ? WalkReplyAfter : string.Empty, StringComparison.Ordinal)
            .Replace("{topicMatch}", mixed ? MixedTopicMatches : ShortTopicMatches, StringComparison.Ordinal)
            .Replace("{replyMatch}", mixed ? MixedReplyMatches : ShortReplyMatches, StringComparison.Ordinal);
    }

    /// <summary>A query of 3+ characters, through the weekly trigram indexes (docs/adr/0042): newest first, the candidates
    /// after the keyset that pass; by relevance, those that pass among the newest candidates, ranked, after the keyset of
    /// (rank, time, id).</summary>
    private static string WeeklySql(bool twoForms, bool ranked, bool hasAfter)
    {
        var newestAfter = hasAfter && !ranked;
        var topicKeys = twoForms ? $"({Keys(TopicKeys, 1)} OR {Keys(TopicKeys, 2)})" : Keys(TopicKeys, 1);
        var replyKeys = twoForms ? $"({Keys(ReplyKeys, 1)} OR {Keys(ReplyKeys, 2)})" : Keys(ReplyKeys, 1);
        var candidates = WeeklyCandidates
            .Replace("{queryTrigrams}", twoForms ? "salon_search_query_trigrams(@k1) AS k1, salon_search_query_trigrams(@k2) AS k2" : "salon_search_query_trigrams(@k1) AS k1", StringComparison.Ordinal)
            .Replace("{firstWeek}", newestAfter ? KeysetWeek : NewestWeek, StringComparison.Ordinal)
            .Replace("{topicMatch}", twoForms ? TopicMatches2 : TopicMatches1, StringComparison.Ordinal)
            .Replace("{replyMatch}", twoForms ? ReplyMatches2 : ReplyMatches1, StringComparison.Ordinal)
            .Replace("{topicKeys}", topicKeys, StringComparison.Ordinal)
            .Replace("{replyKeys}", replyKeys, StringComparison.Ordinal)
            .Replace("{topicAfter}", newestAfter ? WeeklyTopicAfter : string.Empty, StringComparison.Ordinal)
            .Replace("{replyAfter}", newestAfter ? WeeklyReplyAfter : string.Empty, StringComparison.Ordinal)
            + "\nLIMIT @candidates";
        if (!ranked)
        {
            return NewestWeekly.Replace("{candidates}", candidates, StringComparison.Ordinal);
        }

        var window = RankedWeekly
            .Replace("{rank}", Rank("w.\"TitleText\"", "w.\"BodyText\""), StringComparison.Ordinal)
            .Replace("{candidates}", candidates, StringComparison.Ordinal);
        return string.Concat(Select, window, hasAfter ? AfterRelevance : NoKeyset, OrderRelevance);

        static string Keys(string keys, int form) => keys.Replace("{n}", form.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>-(2·sat(title) + sat(body)), sat(n) = n/(n+1), n the better of the two forms' occurrence counts. Each text
    /// is lower-cased once and each count computed once per post: the sub-selects are fenced with <c>OFFSET 0</c> so the
    /// planner does not inline them (written inline, the expression lower-cased every text eight times, and ranking
    /// every match of a common word took twice as long; docs/adr/0031).</summary>
    private static string Rank(string title, string body) =>
        "(SELECT -(2.0 * o.t / (o.t + 1.0) + o.b / (o.b + 1.0)) FROM (SELECT "
        + $"greatest({Occurrences("l.title", "@q1")}, {Occurrences("l.title", "@q2")}) AS t, "
        + $"greatest({Occurrences("l.body", "@q1")}, {Occurrences("l.body", "@q2")}) AS b "
        + $"FROM (SELECT lower({title}) AS title, lower({body}) AS body OFFSET 0) AS l OFFSET 0) AS o)";

    /// <summary>Occurrences of the lower-cased query in a lower-cased text, 0 when the text is NULL.</summary>
    private static string Occurrences(string text, string query) =>
        $"coalesce((char_length({text}) - char_length(replace({text}, {query}, ''))) / char_length({query}), 0)::double precision";

    /// <summary>Does no character of <paramref name="text"/> have case? Then <c>ILIKE</c>, which compares lower-cased text
    /// with the lower-cased pattern, matches what <c>LIKE</c> matches: a character without case is no other character's
    /// lower case. Conservative: only letters without case (kana, kanji, Hangul, modifier letters), digits, punctuation,
    /// spaces and symbols other than the "other symbol" category (which holds circled letters such as Ⓐ, with case), each
    /// its own upper and lower case; anything else — Latin, Greek, Cyrillic or fullwidth letters, Roman numerals,
    /// combining marks — keeps <c>ILIKE</c>.</summary>
    internal static bool Caseless(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var plain = Rune.GetUnicodeCategory(rune) switch
            {
                UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.DecimalDigitNumber
                    or UnicodeCategory.OtherNumber or UnicodeCategory.SpaceSeparator or UnicodeCategory.ConnectorPunctuation
                    or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
                    or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                    or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
                    or UnicodeCategory.ModifierSymbol => true,
                _ => false,
            };
            if (!plain || Rune.ToUpperInvariant(rune) != rune || Rune.ToLowerInvariant(rune) != rune)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text with each ASCII letter in both cases: SQLite's <c>LIKE</c> ignores ASCII case only, and so
    /// does this. A short query has at most two letters, so at most four variants; matching them with a plain
    /// <c>LIKE</c> costs far less than case-folding every post (<c>translate</c> or <c>ILIKE</c>).</summary>
    internal static IEnumerable<string> CaseVariants(string text)
    {
        IEnumerable<string> variants = [string.Empty];
        foreach (var c in text)
        {
            var lower = AsciiLower(c);
            var cases = lower is >= 'a' and <= 'z' ? new[] { lower, (char)(lower - 32) } : [c];
            variants = variants.SelectMany(prefix => cases.Select(x => prefix + x)).ToList();
        }

        return variants;
    }

    /// <summary>ASCII letters lower-cased, nothing else: as <c>salon_search_grams</c> folds a post's text.</summary>
    private static string AsciiLower(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = AsciiLower(source[i]);
        }
    });

    private static char AsciiLower(char c) => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;

    private static string ValidUtf8(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
