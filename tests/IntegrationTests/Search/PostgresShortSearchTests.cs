using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Consultations;
using Salon.Domain.Consultations;
using Salon.Infrastructure.Consultations.Search;
using Salon.Infrastructure.Persistence;
using Salon.Infrastructure.Persistence.Migrations.Postgres;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Search;

/// <summary>PostgreSQL's search of one or two characters reads a bounded number of rows, newest first (docs/adr/0051): the
/// newest few posts of each table, then the posts holding the characters week by week, newest week first — not every newer
/// post without them (the walk along the posts' time order it replaced), nor every post with them (the index of characters
/// and pairs, which has no time order). Its own databases: it writes thousands of posts.</summary>
[Trait("Provider", "Postgres")]
public sealed class PostgresShortSearchTests
{
    private readonly DateTime _t0 = DateTime.UnixEpoch.AddSeconds(DateTimeOffset.UtcNow.AddDays(-2).ToUnixTimeSeconds());

    /// <summary>3,000 posts without 「薬」 newer than 2,000 with it, those spread over 40 weeks: a first page reads a few hundred
    /// rows. The walk it replaced read the 3,000 (and on a large database, 270,000: docs/performance-2026-12-07-twelfth.md),
    /// the index of characters and pairs all 2,000 and sorted them.</summary>
    [PostgresFact]
    public async Task A_one_character_search_reads_few_rows_behind_many_newer_posts_without_it()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var author = await factory.SignUpAsync(client);
        var matches = await seed.TopicsAsync(author.Id, Enumerable.Range(0, 2_000).Select(i => ($"薬の話その{i}", _t0.AddDays(-7).AddHours(-3.36 * i))));
        await seed.TopicsAsync(author.Id, Enumerable.Range(1, 3_000).Select(i => ($"きょうの話その{i}", _t0.AddSeconds(i))));
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync($"ANALYZE \"Topics\"; ANALYZE \"Replies\"; ANALYZE \"{TopicSearchTexts.Table}\""));

        // The rows the search statement fetched from the posts' tables, counted by PostgreSQL in the transaction.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalonDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var page = await scope.ServiceProvider.GetRequiredService<IPostSearch>().SearchAsync("薬", author.Id, SearchOrder.Newest, null, 21, CancellationToken.None);
        var read = await db.Database.SqlQueryRaw<long>(
            $"SELECT coalesce(sum(coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)), 0)::bigint AS \"Value\" FROM pg_stat_xact_user_tables WHERE relname IN ('Topics', 'Replies', '{TopicSearchTexts.Table}')")
            .SingleAsync();
        await transaction.RollbackAsync();

        Assert.Equal(matches.Take(21), page.Matches.Select(m => m.PostId));
        Assert.True(read < 1_000, $"the search read {read} rows of posts");

        // The same over HTTP, and the next page goes on where it ended.
        var first = await GetAsync(client, author, "薬", cursor: null);
        Assert.Equal(matches.Take(20), Ids(first));
        var second = await GetAsync(client, author, "薬", first["nextCursor"]!.GetValue<string>());
        Assert.Equal(matches.Skip(20).Take(20), Ids(second));
    }

    /// <summary>Topics and replies holding 「姉が」 (and some 「姉」 and 「が」 apart, which must not match) spread over many weeks,
    /// more than the walk reads: every page, newest first, is exactly the next of the posts that hold the pair.</summary>
    [PostgresFact]
    public async Task Pages_of_a_pair_follow_each_other_across_the_walk_and_the_weeks()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var author = await factory.SignUpAsync(client);
        var topic = await seed.TopicAsync(author.Id, "相談", "返信をください", _t0.AddDays(-700));
        string Text(int i) => (i % 3) switch { 0 => $"姉が言うには{i}", 1 => $"姉の話、それが{i}", _ => $"きょう{i}" };
        DateTime At(int i) => _t0.AddHours(-13 * i);
        var topics = await seed.TopicsAsync(author.Id, Enumerable.Range(0, 1_200).Where(i => i % 2 == 0).Select(i => (Text(i), At(i))));
        var replies = await seed.RepliesAsync(topic, author.Id, Enumerable.Range(0, 1_200).Where(i => i % 2 == 1).Select(i => (Text(i), At(i))));
        var expected = Enumerable.Range(0, 1_200).Where(i => i % 3 == 0)
            .Select(i => i % 2 == 0 ? topics[i / 2] : replies[i / 2])
            .ToList();

        Assert.True(topics.Count > PostgresPostSearch.WalkRows && replies.Count > PostgresPostSearch.WalkRows, "the test must reach past the walk");

        var all = await seed.AllPagesAsync("姉が", author.Id, SearchOrder.Newest, limit: 9);
        Assert.Equal(expected, all.Select(m => m.PostId));
    }

    /// <summary>Posts the viewer may not see — held for review, hidden by a moderator, deleted, by a member they blocked, hidden
    /// by themselves, in a held topic — newer than the only one they may, and more of them than the walk reads: the search
    /// answers that one, and no page or cursor names another (docs/adr/0044).</summary>
    [PostgresFact]
    public async Task A_short_search_names_no_post_the_viewer_may_not_see_in_its_results_or_cursors()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var viewer = await factory.SignUpAsync(client);
        var author = await factory.SignUpAsync(client);
        var blocked = await factory.SignUpAsync(client);
        var visible = await seed.TopicAsync(author.Id, "題", "薬のこと", _t0.AddDays(-30));
        var held = await seed.TopicsAsync(author.Id, Enumerable.Range(1, PostgresPostSearch.WalkRows + 50).Select(i => ("薬の話", _t0.AddMinutes(i))));
        await factory.WithDbAsync(db => db.Topics.Where(t => held.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.Visibility, PostVisibility.Held)));
        var host = await seed.TopicAsync(author.Id, "題", "返信をどうぞ", _t0.AddDays(-60));
        var replies = await seed.RepliesAsync(host, author.Id, Enumerable.Range(1, PostgresPostSearch.WalkRows + 50).Select(i => ("薬の返信", _t0.AddDays(-20).AddMinutes(i))));
        var hidden = replies.Take(100).ToList();
        var deleted = replies.Skip(100).ToList();
        await factory.WithDbAsync(db => db.Replies.Where(r => hidden.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Visibility, PostVisibility.Hidden)));
        await factory.WithDbAsync(db => db.Replies.Where(r => deleted.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.DeletedAt, _t0)));
        var named = await seed.TopicAsync(blocked.Id, "題", "薬が効いた", _t0.AddDays(-10));
        await seed.BlockAsync(viewer.Id, blocked.Id);
        var ownHidden = await seed.TopicAsync(author.Id, "題", "薬が合わない", _t0.AddDays(-5));
        await seed.HideAsync(viewer.Id, ownHidden, ownHidden);
        var heldTopic = await seed.TopicAsync(author.Id, "題", "相談です", _t0.AddDays(-50));
        await seed.RepliesAsync(heldTopic, author.Id, Enumerable.Range(1, 30).Select(i => ("薬の件", _t0.AddDays(-15).AddMinutes(i))));
        await seed.UpdateTopicAsync(heldTopic, t => t.SetVisibility(PostVisibility.Held, null));

        // Page one post at a time: every cursor is the last item's or a resume point, and must name the visible post only.
        foreach (var q in new[] { "薬", "薬の" })
        {
            var seen = new List<Guid>();
            string? cursor = null;
            for (var n = 0; n < 5; n++)
            {
                var page = await GetAsync(client, viewer, q, cursor, limit: 1);
                seen.AddRange(Ids(page));
                cursor = page["nextCursor"]?.GetValue<string>();
                if (cursor is null)
                {
                    break;
                }

                var parts = JsonSerializer.Deserialize<string[]>(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(cursor)))!;
                Assert.Equal(visible, Guid.Parse(parts[0]));
            }

            Assert.Equal([visible], seen);
        }
    }

    /// <summary>A query with one form of 1–2 characters and a longer one (「㍿」, 「株式会社」 in NFKC) reads its candidates the same
    /// way: posts that hold the long form's trigrams apart are candidates that do not match, and behind more of them than one
    /// request reads, the page stops at the bound and says where to resume — a post the viewer may see. Before, this query
    /// walked (or gathered and sorted) every such post in one request.</summary>
    [PostgresFact]
    public async Task A_short_and_long_query_stops_at_the_bound_and_resumes_at_a_post_the_viewer_may_see()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var author = await factory.SignUpAsync(client);
        var other = await factory.SignUpAsync(client);
        var match = await seed.TopicAsync(author.Id, "相談", "㍿のこと", _t0.AddDays(-7));
        DateTime DecoyAt(int i) => _t0.AddSeconds(i);
        var decoys = SearchTerms.MaxCandidates + PostgresPostSearch.WalkRows + 50;
        const string Decoy = "株式会、式会社";
        await seed.TopicsAsync(author.Id, Enumerable.Range(1, 44).Concat(Enumerable.Range(61, decoys - 60)).Select(i => (Decoy, DecoyAt(i))));
        foreach (var held in await seed.TopicsAsync(other.Id, Enumerable.Range(45, 16).Select(i => (Decoy, DecoyAt(i)))))
        {
            await seed.UpdateTopicAsync(held, t => t.SetVisibility(PostVisibility.Held, null));
        }

        var first = await seed.SearchPageAsync("㍿", author.Id, limit: 20);
        Assert.Empty(first.Matches);
        var resume = Assert.IsType<PostMatch>(first.ResumeAfter);

        // The walk's newest posts are read but are no candidates (none holds the query); the 2,000th candidate after them.
        Assert.Equal(DecoyAt(decoys - PostgresPostSearch.WalkRows - 16 - SearchTerms.MaxCandidates + 1), resume.CreatedAt);

        var second = await seed.SearchPageAsync("㍿", author.Id, after: resume, limit: 20);
        Assert.Equal([match], second.Matches.Select(m => m.PostId));
        Assert.Equal([match], (await seed.AllPagesAsync("㍿", author.Id, SearchOrder.Newest, limit: 20)).Select(m => m.PostId));
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, TestMember member, string q, string? cursor, int limit = 20)
    {
        var url = $"/api/search?q={Uri.EscapeDataString(q)}&limit={limit}" + (cursor is null ? string.Empty : $"&cursor={cursor}");
        var response = await client.SendAsAsync(member, HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static IEnumerable<Guid> Ids(JsonNode page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>());
}
