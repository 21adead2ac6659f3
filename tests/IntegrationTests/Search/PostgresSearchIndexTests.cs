using Microsoft.EntityFrameworkCore;
using Salon.Infrastructure.Consultations.Search;
using Salon.Infrastructure.Persistence.Migrations.Postgres;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Search;

/// <summary>What makes PostgreSQL's search fast, checked on the real server: the database extracts trigrams
/// from Japanese, a 3+ character search is answered through the weekly trigram GIN indexes (docs/adr/0042), and a 1–2
/// character one can be answered through the indexes of characters and pairs (docs/adr/0035).</summary>
[Trait("Provider", "Postgres")]
public sealed class PostgresSearchIndexTests
{
    [PostgresFact]
    public async Task Japanese_text_yields_trigrams_and_three_character_queries_use_the_weekly_trigram_indexes()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();

        // A few hundred topics of a week, analysed: on empty tables the planner reads a keyset's range along the topics'
        // time order rather than the weekly index, which no real community would see.
        var author = await factory.SignUpAsync(client);
        await new SearchSeed(factory).TopicsAsync(author.Id, Enumerable.Range(1, 300).Select(i => ($"今日の話、その{i}", DateTime.UtcNow.AddMinutes(-i))));
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync($"ANALYZE \"Topics\"; ANALYZE \"{TopicSearchTexts.Table}\""));

        var plans = await factory.WithDbAsync(async db =>
        {
            var trigrams = await db.Database.SqlQueryRaw<int>("SELECT coalesce(array_length(show_trgm('主治医に相談'), 1), 0) AS \"Value\"").SingleAsync();
            Assert.True(trigrams > 0, "pg_trgm extracts no trigrams from Japanese: the database needs a UTF-8 LC_CTYPE");
            var keys = await db.Database.SqlQueryRaw<string>("SELECT array_to_string(salon_search_query_trigrams('主治医に相談'), ' ') AS \"Value\"").SingleAsync();
            Assert.Equal(":主治医 :治医に :に相談", keys);

            // The statements the search runs for 3+ characters and two query forms (newest first and by relevance, first
            // and second page), with the planner told to avoid scans it could otherwise prefer on a nearly empty table (reading
            // the whole of the topics' side table along its key, docs/adr/0045);
            // with ILIKE (a query with case) and with LIKE (a query without, docs/adr/0040).
            var plans = new List<string>();
            foreach (var (ranked, hasAfter, caseless) in new[] { (false, false, true), (false, true, false), (true, false, true), (true, true, false) })
            {
                var sql = PostgresPostSearch.BuildSql(usesIndex: true, usesGrams: false, twoForms: true, ranked, hasAfter, caseless);
                Assert.Contains(caseless ? "\" LIKE @p1" : "\" ILIKE @p1", sql, StringComparison.Ordinal);
                var lines = await QueryPlan.LinesAsync(
                    db,
                    "EXPLAIN " + sql,
                    [
                        ("viewer", Guid.NewGuid()), ("limit", 20), ("candidates", 2000), ("p1", "%主治医%"), ("p2", "%主治医%"), ("k1", "主治医"), ("k2", "主治医"),
                        ("q1", "主治医"), ("q2", "主治医"), ("afterCreatedAt", DateTime.UtcNow), ("afterPostId", Guid.NewGuid()), ("afterRank", -1.0),
                    ],
                    column: 0,
                    setup: "SET enable_seqscan = off; SET enable_indexscan = off");
                plans.Add(string.Join('\n', lines));
            }

            return plans;
        });

        Assert.All(plans, p =>
        {
            Assert.Contains($"Bitmap Index Scan on \"{TopicSearchTexts.WeeksIndex}\"", p, StringComparison.Ordinal);
            Assert.Contains($"Bitmap Index Scan on \"{PostSearchWeeks.ReplyIndex}\"", p, StringComparison.Ordinal);
        });
    }

    /// <summary>The weekly indexes take a post's keys as it is written: a search scans them once per week, and GIN's pending
    /// list, which every scan reads whole, made a search that walked every week 40 times slower after a few thousand
    /// replies (docs/adr/0042). Only the replies' two indexes keep a list, the smallest (64 kB): written one by one, the
    /// characters and pairs nearly halved the reply inserts per second (docs/adr/0051), and the triples took most of a
    /// reply's <c>INSERT</c> (docs/adr/0057). The topics' stay without one. They hold no deleted post, so deleting
    /// posts cannot make searches read more: the replies' indexes are partial, and a deleted topic leaves the topics' side
    /// table (docs/adr/0045).</summary>
    [PostgresFact]
    public async Task The_weekly_indexes_keep_at_most_a_small_pending_list_and_no_deleted_post()
    {
        using var factory = new SalonApiFactory();
        _ = factory.Services;
        var off = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>(
            $"SELECT count(*)::int AS \"Value\" FROM pg_class WHERE relname IN ('{TopicSearchTexts.WeeksIndex}', '{ShortSearchWeeks.TopicIndex}') AND reloptions @> ARRAY['fastupdate=off']")
            .SingleAsync());
        Assert.Equal(2, off);

        // The replies' indexes, characters and pairs (docs/adr/0051) and triples (docs/adr/0057): a pending list, the smallest.
        var small = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>(
            $"SELECT count(*)::int AS \"Value\" FROM pg_class WHERE relname IN ('{ShortSearchWeeks.ReplyIndex}', '{PostSearchWeeks.ReplyIndex}') AND reloptions @> ARRAY['fastupdate=on', 'gin_pending_list_limit=64']")
            .SingleAsync());
        Assert.Equal(2, small);
        var partial = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>(
            $"SELECT count(*)::int AS \"Value\" FROM pg_indexes WHERE indexname IN ('{PostSearchWeeks.ReplyIndex}', '{ShortSearchWeeks.ReplyIndex}') AND indexdef LIKE '%WHERE (\"DeletedAt\" IS NULL)'")
            .SingleAsync());
        Assert.Equal(2, partial);
    }

    /// <summary>A topic's text is indexed in a table of its own (docs/adr/0045): a reply, which rewrites its topic's row (the
    /// counts and the time of its last activity), leaves that table's row as it was, so the topic's text is not indexed
    /// again on every reply; <c>Topics</c> itself carries no GIN index. An edit, a deletion and a restored text keep the
    /// table in step.</summary>
    [PostgresFact]
    public async Task A_reply_does_not_index_its_topics_text_again_and_edits_and_deletions_keep_the_side_table_in_step()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var author = await factory.SignUpAsync(client);
        var replier = await factory.SignUpAsync(client);
        var topic = await client.CreateTopicAsync(author);

        async Task<(string? Version, string? Body)> SideRowAsync() => await factory.WithDbAsync(async db =>
        {
            var rows = await db.Database.SqlQueryRaw<string>(
                $"SELECT xmin::text || '|' || \"Body\" AS \"Value\" FROM \"{TopicSearchTexts.Table}\" WHERE \"TopicId\" = {{0}}", topic).ToListAsync();
            return rows.Count == 0 ? ((string?)null, (string?)null) : (rows[0].Split('|')[0], rows[0].Split('|', 2)[1]);
        });

        var written = await SideRowAsync();
        Assert.NotNull(written.Version);
        var topicVersion = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT xmin::text AS \"Value\" FROM \"Topics\" WHERE \"Id\" = {0}", topic).SingleAsync());

        await client.ReplyAsync(replier, topic, "お話を聞かせてくださってありがとうございます。");
        await client.ReplyAsync(replier, topic, "わたしも同じでした。");
        Assert.NotEqual(topicVersion, await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT xmin::text AS \"Value\" FROM \"Topics\" WHERE \"Id\" = {0}", topic).SingleAsync()));
        Assert.Equal(written, await SideRowAsync());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM pg_indexes WHERE tablename = 'Topics' AND indexdef LIKE '%USING gin%'").SingleAsync()));

        // An edit of the body changes the row; a deletion removes it; a text written back (a restore by hand) returns it.
        await (await client.SendAsAsync(author, HttpMethod.Patch, $"/api/topics/{topic}", new { body = "書き直した本文です。" })).ShouldBe(System.Net.HttpStatusCode.OK);
        Assert.Equal("書き直した本文です。", (await SideRowAsync()).Body);
        await (await client.SendAsAsync(author, HttpMethod.Delete, $"/api/topics/{topic}")).ShouldBe(System.Net.HttpStatusCode.NoContent);
        Assert.Null((await SideRowAsync()).Version);
        await factory.WithDbAsync(db => db.Topics.Where(t => t.Id == topic).ExecuteUpdateAsync(u => u.SetProperty(t => t.DeletedAt, (DateTime?)null)));
        Assert.Equal("書き直した本文です。", (await SideRowAsync()).Body);
    }

    /// <summary>Plain <c>LIKE</c> only for queries in which no character has case (docs/adr/0040): with any letter that has
    /// case, or anything unusual, <c>ILIKE</c> stays.</summary>
    [Theory]
    [InlineData("主治医", true)]
    [InlineData("グループホーム", true)]
    [InlineData("ていまし", true)]
    [InlineData("お薬。", true)]
    [InlineData("１２３", true)]
    [InlineData("2025年", true)]
    [InlineData("ー～！？", true)]
    [InlineData("주치의", true)]
    [InlineData("薬A", false)]
    [InlineData("abc", false)]
    [InlineData("ＡＢＣ", false)]
    [InlineData("ｱｲｳ", true)]
    [InlineData("Ⓐ", false)]
    [InlineData("ⅰ", false)]
    [InlineData("ß", false)]
    [InlineData("Ω", false)]
    [InlineData("が\u0301", false)]
    [InlineData("🌸", false)]
    public void Only_queries_without_cased_characters_match_with_plain_LIKE(string query, bool caseless) =>
        Assert.Equal(caseless, PostgresPostSearch.Caseless(query));

    /// <summary>A query of 1–2 characters reads its candidates, after a short walk newest first, from the weekly indexes of
    /// characters and pairs (docs/adr/0051), first page and next; a query with a short and a long form (「㍿」, 「株式会社」 in
    /// NFKC) from those and the weekly trigram indexes. The indexes of characters and pairs without weeks are gone.</summary>
    [PostgresFact]
    public async Task One_and_two_character_queries_use_the_weekly_indexes_of_characters_and_pairs()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();

        // A few hundred topics, analysed, as for 3+ characters: on empty tables the planner reads a range of the topics' time
        // order rather than the weekly index.
        var author = await factory.SignUpAsync(client);
        await new SearchSeed(factory).TopicsAsync(author.Id, Enumerable.Range(1, 300).Select(i => ($"今日の話、その{i}", DateTime.UtcNow.AddMinutes(-i))));
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync($"ANALYZE \"Topics\"; ANALYZE \"{TopicSearchTexts.Table}\""));

        var (keys, plans, old) = await factory.WithDbAsync(async db =>
        {
            var keys = await db.Database.SqlQueryRaw<string>(
                "SELECT unnest(salon_search_short_keys('1970-01-15T00:00:00Z', 'Ab姉が🌸')) AS \"Value\"").ToListAsync();

            // With index and sequential scans off, what is left for a week's candidates is the bitmap scans of the GIN indexes.
            var plans = new List<string>();
            foreach (var (mixed, hasAfter) in new[] { (false, false), (false, true), (true, false), (true, true) })
            {
                var lines = await QueryPlan.LinesAsync(
                    db,
                    "EXPLAIN " + PostgresPostSearch.BuildSql(usesIndex: false, usesGrams: !mixed, twoForms: mixed, ranked: false, hasAfter),
                    [
                        ("viewer", Guid.NewGuid()), ("limit", 20), ("candidates", 2000), ("walk", PostgresPostSearch.WalkRows), ("patterns", new[] { "%㍿%" }),
                        ("grams", new[] { "㍿" }), ("plong", "%株式会社%"), ("klong", "株式会社"), ("afterCreatedAt", DateTime.UtcNow), ("afterPostId", Guid.NewGuid()),
                    ],
                    column: 0,
                    setup: "SET enable_seqscan = off; SET enable_indexscan = off");
                plans.Add(string.Join('\n', lines));
            }

            var old = await db.Database.SqlQueryRaw<int>(
                $"SELECT count(*)::int AS \"Value\" FROM pg_indexes WHERE indexname IN ('{TopicSearchTexts.GramsIndex}', '{ShortSearchGrams.ReplyIndex}')").SingleAsync();
            return (keys, plans, old);
        });

        // Characters and adjacent pairs, ASCII letters lower-cased, each after the week (the second since 1970).
        Assert.Equal(["2:a", "2:ab", "2:b", "2:b姉", "2:が", "2:が🌸", "2:姉", "2:姉が", "2:🌸"], keys.Order(StringComparer.Ordinal));
        Assert.All(plans, p =>
        {
            Assert.Contains($"Bitmap Index Scan on \"{ShortSearchWeeks.TopicIndex}\"", p, StringComparison.Ordinal);
            Assert.Contains($"Bitmap Index Scan on \"{ShortSearchWeeks.ReplyIndex}\"", p, StringComparison.Ordinal);
        });
        Assert.All(plans.Skip(2), p =>
        {
            Assert.Contains($"Bitmap Index Scan on \"{TopicSearchTexts.WeeksIndex}\"", p, StringComparison.Ordinal);
            Assert.Contains($"Bitmap Index Scan on \"{PostSearchWeeks.ReplyIndex}\"", p, StringComparison.Ordinal);
        });
        Assert.Equal(0, old);
    }
}
