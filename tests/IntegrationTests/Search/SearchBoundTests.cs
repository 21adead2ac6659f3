using Salon.Application.Consultations;
using Salon.Infrastructure.Consultations.Search;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Search;

/// <summary>One search request does a bounded amount of work whatever the query (docs/adr/0037), on whichever provider
/// the suite runs: relevance order ranks the newest <see cref="SearchTerms.MaxCandidates"/> visible matches, not every
/// match; newest order still pages through all of them. Its own database: it writes thousands of posts.</summary>
public sealed class SearchBoundTests
{
    private readonly DateTime _t0 = DateTime.UnixEpoch.AddSeconds(DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds());

    [Fact]
    public async Task Relevance_order_ranks_the_newest_matches_and_newest_order_reaches_every_match()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var author = await factory.SignUpAsync(client);
        var word = SearchSeed.UniqueWord();

        // The best match by far (in the title and twice in the body) is the oldest, behind more newer matches than one
        // request ranks.
        var best = await seed.TopicAsync(author.Id, word, $"{word}と{word}", _t0);
        var newer = SearchTerms.MaxCandidates + 10;
        await seed.TopicsAsync(author.Id, Enumerable.Range(1, newer).Select(i => ($"{word}の話", _t0.AddSeconds(i))));

        var ranked = await seed.AllPagesAsync(word, author.Id, SearchOrder.Relevance, limit: 100);
        Assert.Equal(SearchTerms.MaxCandidates, ranked.Count);
        Assert.Equal(SearchTerms.MaxCandidates, ranked.Select(m => m.PostId).Distinct().Count());
        Assert.DoesNotContain(best, ranked.Select(m => m.PostId));
        Assert.All(ranked, m => Assert.True(m.CreatedAt >= _t0.AddSeconds(newer - SearchTerms.MaxCandidates + 1)));

        var newest = await seed.AllPagesAsync(word, author.Id, SearchOrder.Newest, limit: 100);
        Assert.Equal(newer + 1, newest.Count);
        Assert.Equal(best, newest[^1].PostId);
    }
}
