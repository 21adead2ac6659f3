using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Salon.Application.Consultations;
using Salon.Domain.Consultations;
using Salon.Infrastructure.Consultations.Search;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Search;

/// <summary>A search tells a member nothing of the posts they may not see (docs/adr/0044): not that they exist, not when
/// they were written, not through the bound on one request's work, the resume point in a cursor or a rank. Found by a
/// privacy review on SQLite, where the bound counted every index entry read and the rank was bm25, which weighs a post
/// against the whole index; on whichever provider the suite runs. Its own database: it writes thousands of posts.</summary>
public sealed class SearchPrivacyTests : IDisposable
{
    private readonly List<SalonApiFactory> _factories = [];

    private readonly DateTime _t0 = DateTime.UnixEpoch.AddSeconds(DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds());

    [Fact]
    public async Task Posts_held_from_the_viewer_neither_use_up_the_bound_nor_show_in_the_cursor()
    {
        // One post the viewer may see, older than more posts with the word, held for review, than one request reads.
        var wall = await FirstPageBehindAsync(SearchTerms.MaxCandidates + 10, s => s.SetProperty(t => t.Visibility, PostVisibility.Held));

        // The page is what the viewer may see, whole: no empty page with a resume point dated at a held post (before, the
        // cursor carried the oldest held post's millisecond and said that 2,000 such posts existed).
        Assert.Equal([wall.Visible], wall.Page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
        Assert.Null(wall.Page["nextCursor"]?.GetValue<string>());

        // Their author still finds them all, newest first, page after page.
        var own = await new SearchSeed(wall.Factory).AllPagesAsync(wall.Word, wall.AuthorId, SearchOrder.Newest, limit: 100);
        Assert.Equal(SearchTerms.MaxCandidates + 11, own.Count);
    }

    /// <summary>Posts the viewer may not see do not count toward the bound, but a request still reads at most
    /// <see cref="SearchTerms.MaxEntriesRead"/> index entries on SQLite: soft-deleted posts stay in its index until the purge,
    /// and a member who posts and deletes could otherwise make everyone's searches read them all. Behind that many, newest
    /// order ends, without a resume point (which would date a post the viewer may not see). PostgreSQL keeps deleted posts
    /// out of its search indexes, so there the match is found.</summary>
    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task Behind_more_deleted_posts_than_one_request_reads_newest_order_ends_without_a_resume_point()
    {
        var wall = await FirstPageBehindAsync(SearchTerms.MaxEntriesRead + 10, s => s.SetProperty(t => t.DeletedAt, _t0.AddDays(1)));
        Assert.Empty(wall.Page["items"]!.AsArray());
        Assert.Null(wall.Page["nextCursor"]?.GetValue<string>());
    }

    /// <summary>A post by one member with a new word, behind <paramref name="newer"/> newer posts of theirs with it, changed by
    /// <paramref name="hide"/>; the first newest-first page a second member gets for the word.</summary>
    private async Task<(SalonApiFactory Factory, string Word, Guid AuthorId, Guid Visible, JsonNode Page)> FirstPageBehindAsync(
        int newer, Action<UpdateSettersBuilder<Topic>> hide)
    {
        var factory = new SalonApiFactory();
        _factories.Add(factory);
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var viewer = await factory.SignUpAsync(client);
        var author = await factory.SignUpAsync(client);
        var word = SearchSeed.UniqueWord();
        var visible = await seed.TopicAsync(author.Id, "題", $"{word}のこと", _t0);
        var hidden = await seed.TopicsAsync(author.Id, Enumerable.Range(1, newer).Select(i => ($"{word}の話", _t0.AddSeconds(i))));
        await factory.WithDbAsync(db => db.Topics.Where(t => hidden.Contains(t.Id)).ExecuteUpdateAsync(hide));

        var response = await client.SendAsAsync(viewer, HttpMethod.Get, $"/api/search?q={Uri.EscapeDataString(word)}&limit=20");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (factory, word, author.Id, visible, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }
    }

    [Fact]
    public async Task A_rank_does_not_move_when_a_post_the_viewer_may_not_see_is_written()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var viewer = await factory.SignUpAsync(client);
        var other = await factory.SignUpAsync(client);
        var word = SearchSeed.UniqueWord();
        await seed.TopicAsync(viewer.Id, "題", $"{word}のこと", _t0);
        await seed.TopicAsync(viewer.Id, "題", $"{word}のこと、その二", _t0.AddSeconds(1));
        await seed.TopicsAsync(other.Id, Enumerable.Range(1, 30).Select(i => ("きょうの天気は晴れでした", _t0.AddMinutes(-i))));

        async Task<string> FirstPageAsync()
        {
            var response = await client.SendAsAsync(viewer, HttpMethod.Get, $"/api/search?q={Uri.EscapeDataString(word)}&sort=relevance&limit=1");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        var before = await FirstPageAsync();

        // Someone else's post with the word, held for review, then one hidden by a moderator's decision is the same case.
        var held = await seed.TopicAsync(other.Id, "題", $"{word}が心配です{word}", _t0.AddSeconds(2));
        await seed.UpdateTopicAsync(held, t => t.SetVisibility(PostVisibility.Held, decidedAt: null));

        // The same page, item and cursor (which carries the last item's rank) to the byte.
        Assert.Equal(before, await FirstPageAsync());
    }
}
