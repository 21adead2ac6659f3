using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Consultations;
using Salon.Infrastructure.Consultations.Search;
using Salon.Infrastructure.Persistence;
using Salon.Infrastructure.Persistence.Migrations.Postgres;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Search;

/// <summary>PostgreSQL's search reads at most <see cref="SearchTerms.MaxCandidates"/> candidates per request, newest week
/// first (docs/adr/0042): posts that hold a query's trigrams apart are candidates that do not match, and behind more of them
/// than one request reads, a match is reached by resuming where the bound stopped, not by one request reading them all.
/// Its own database: it writes thousands of posts.</summary>
[Trait("Provider", "Postgres")]
public sealed class PostgresSearchBoundTests
{
    private readonly DateTime _t0 = DateTime.UnixEpoch.AddSeconds(DateTimeOffset.UtcNow.AddDays(-20).ToUnixTimeSeconds());

    /// <summary>A post that holds the query's keys (its first, middle and last trigrams: chars 1–3, 4–6, 7–9 of the nine of
    /// <see cref="SearchSeed.UniqueWord"/>) apart: a candidate that fails the match.</summary>
    private static string Decoy(string word) => $"{word[..3]}、{word[3..6]}、{word[6..]}";

    /// <summary>The i-th decoy's time: a week after the one match (<c>_t0</c>), a second apart.</summary>
    private DateTime DecoyAt(int i) => _t0.AddDays(7).AddSeconds(i);

    [PostgresFact]
    public async Task Candidates_that_do_not_match_stop_a_request_at_its_bound_and_the_next_resumes_after_them()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var author = await factory.SignUpAsync(client);
        var word = SearchSeed.UniqueWord();

        // The one match is older than all the decoys. Sixteen of them, where the bound would fall, are another member's
        // held for review: not the viewer's to see, so not candidates either — the bound counts what the viewer may see,
        // and the resume point, which goes to the client in the cursor, is never a post they may not see.
        var decoy = Decoy(word);
        var match = await seed.TopicAsync(author.Id, "相談", $"ここに{word}があります", _t0);
        var decoys = SearchTerms.MaxCandidates + 50;
        var other = await factory.SignUpAsync(client);
        await seed.TopicsAsync(author.Id, Enumerable.Range(1, 44).Concat(Enumerable.Range(61, decoys - 60)).Select(i => (decoy, DecoyAt(i))));
        foreach (var held in await seed.TopicsAsync(other.Id, Enumerable.Range(45, 16).Select(i => (decoy, DecoyAt(i)))))
        {
            await seed.UpdateTopicAsync(held, t => t.SetVisibility(Salon.Domain.Consultations.PostVisibility.Held, null));
        }

        var first = await seed.SearchPageAsync(word, author.Id, limit: 20);
        Assert.Empty(first.Matches);
        var resume = Assert.IsType<PostMatch>(first.ResumeAfter);
        Assert.Equal(DecoyAt(decoys - 16 - SearchTerms.MaxCandidates + 1), resume.CreatedAt);

        var second = await seed.SearchPageAsync(word, author.Id, after: resume, limit: 20);
        Assert.Equal([match], second.Matches.Select(m => m.PostId));
        Assert.Null(second.ResumeAfter);
        Assert.Equal([match], (await seed.AllPagesAsync(word, author.Id, SearchOrder.Newest, limit: 20)).Select(m => m.PostId));

        // Relevance ranks what the newest candidates hold: here nothing.
        Assert.Empty(await seed.SearchAsync(word, author.Id, SearchOrder.Relevance));
    }

    /// <summary>Deleted posts keep their text (a soft delete) but are not candidates (nor in the weekly indexes): however many
    /// of them hold a query's trigrams, the bound is not spent on them and no page stops short for them.</summary>
    [PostgresFact]
    public async Task Deleted_posts_are_not_candidates()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var author = await factory.SignUpAsync(client);
        var word = SearchSeed.UniqueWord();
        var match = await seed.TopicAsync(author.Id, "相談", $"ここに{word}があります", _t0);
        var deleted = await seed.TopicsAsync(author.Id, Enumerable.Range(1, SearchTerms.MaxCandidates + 50).Select(i => (Decoy(word), DecoyAt(i))));
        await factory.WithDbAsync(db => db.Topics.Where(t => deleted.Contains(t.Id)).ExecuteUpdateAsync(u => u.SetProperty(t => t.DeletedAt, DateTime.UtcNow)));

        var first = await seed.SearchPageAsync(word, author.Id, limit: 20);
        Assert.Equal([match], first.Matches.Select(m => m.PostId));
        Assert.Null(first.ResumeAfter);
    }

    /// <summary>A keyset's week is never later than the newest post's: a forged cursor dated in the year 9999 pages from
    /// the newest instead of probing millions of empty weeks.</summary>
    [PostgresFact]
    public async Task A_keyset_far_in_the_future_starts_at_the_newest_week()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var author = await factory.SignUpAsync(client);
        var word = SearchSeed.UniqueWord();
        var topic = await seed.TopicAsync(author.Id, "相談", word, _t0);

        var future = new PostMatch(Guid.Empty, false, Guid.Empty, new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc), 0);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var page = await seed.SearchPageAsync(word, author.Id, after: future);
        Assert.Equal([topic], page.Matches.Select(m => m.PostId));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    /// <summary>A week's candidates are sorted before their topics are read (docs/adr/0054): in one week of 1,500 topics and
    /// 500 replies holding a word, the newest page reads a page's topics, not the week's 2,000 (the build before joined every
    /// candidate with its topic, tested who may see it, and only then sorted the week), and the page is still exactly the
    /// newest posts. Who may see what, on this path too, is PostSearchTests' and SearchPrivacyTests' (both providers).</summary>
    [PostgresFact]
    public async Task A_busy_week_reads_the_topics_of_a_page_not_of_the_week()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var author = await factory.SignUpAsync(client);
        var word = SearchSeed.UniqueWord();
        var topics = await seed.TopicsAsync(author.Id, Enumerable.Range(0, 1_500).Select(i => ($"{word}の相談{i}", _t0.AddMinutes(-2 * i))));
        var replies = await seed.RepliesAsync(topics[^1], author.Id, Enumerable.Range(0, 500).Select(i => ($"{word}の返信{i}", _t0.AddMinutes(-2 * i - 1))));
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync($"ANALYZE \"Topics\"; ANALYZE \"Replies\"; ANALYZE \"{TopicSearchTexts.Table}\""));
        var newest = topics.Take(250).SelectMany((t, i) => new[] { t, replies[i] }).Take(21).ToList();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalonDbContext>();
        // The rows of topics the search statement fetched, counted by PostgreSQL: the counters of the transaction before and
        // after it (PostgreSQL 15's pg_stat_xact_* hold what the connection has not yet reported, which may include the
        // seed's own reads of topics, checking the replies' keys, when it ran less than a second before).
        await using var transaction = await db.Database.BeginTransactionAsync();
        var before = await TopicRowsReadAsync(db);
        var page = await scope.ServiceProvider.GetRequiredService<IPostSearch>().SearchAsync(word, author.Id, SearchOrder.Newest, null, 21, CancellationToken.None);
        var topicRows = await TopicRowsReadAsync(db) - before;
        await transaction.RollbackAsync();

        Assert.Equal(newest, page.Matches.Select(m => m.PostId));
        Assert.True(topicRows < 200, $"the search read {topicRows} rows of topics");

        static Task<long> TopicRowsReadAsync(SalonDbContext db) => db.Database.SqlQueryRaw<long>(
            "SELECT coalesce(sum(coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)), 0)::bigint AS \"Value\" FROM pg_stat_xact_user_tables WHERE relname = 'Topics'")
            .SingleAsync();
    }
}
