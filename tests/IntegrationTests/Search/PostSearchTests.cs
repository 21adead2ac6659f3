using Microsoft.EntityFrameworkCore;
using Salon.Application.Consultations;
using Salon.Domain.Consultations;
using Salon.Infrastructure.Persistence.Migrations.Postgres;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Search;

/// <summary>Post search through <see cref="IPostSearch"/>, on whichever provider the suite runs (SQLite FTS5
/// trigram with a LIKE fallback; PostgreSQL pg_trgm with a LIKE fallback): one suite, the same results. The
/// database is shared by the tests of this class, so each test writes words no other test uses, or
/// looks only at its own posts.</summary>
public sealed class PostSearchTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly SearchSeed _seed = new(factory);
    // Whole seconds: PostgreSQL keeps microseconds, SQLite 100 ns ticks; the tests compare times read back.
    private readonly DateTime _t0 = DateTime.UnixEpoch.AddSeconds(DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeSeconds());

    [Fact]
    public async Task A_character_whose_NFKC_form_is_longer_finds_both_forms()
    {
        var author = await factory.SignUpAsync(_client);
        var symbol = await _seed.TopicAsync(author.Id, "会社のこと", "㍿の書類が届きました。", _t0);
        var spelled = await _seed.TopicAsync(author.Id, "仕事のこと", "株式会社に勤めています。", _t0.AddMinutes(1));
        var reply = await _seed.ReplyAsync(symbol, author.Id, "うちも株式会社です。", _t0.AddMinutes(2));

        // Typed 「㍿」 (one character), 「株式会社」 in NFKC (four): each form through its own index (docs/adr/0037).
        Assert.Equal([reply, spelled, symbol], (await _seed.SearchAsync("㍿", author.Id)).Select(m => m.PostId));
        Assert.Equal([reply, spelled], (await _seed.SearchAsync("株式会社", author.Id)).Select(m => m.PostId));
    }

    [Fact]
    public async Task A_query_of_three_or_more_characters_finds_topics_and_replies()
    {
        var author = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var word = SearchSeed.UniqueWord();
        var topic = await _seed.TopicAsync(author.Id, "薬のこと", $"主治医に{word}の副作用を相談しました。", _t0);
        var reply = await _seed.ReplyAsync(topic, viewer.Id, $"うちも{word}で眠気が出ました。", _t0.AddMinutes(1));
        await _seed.TopicAsync(author.Id, "関係ない話", "今日は晴れでした。", _t0.AddMinutes(2));

        var matches = await _seed.SearchAsync(word, viewer.Id);

        Assert.Equal([reply, topic], matches.Select(m => m.PostId));
        Assert.Equal(new PostMatch(reply, true, topic, _t0.AddMinutes(1), 0), matches[0] with { Rank = 0 });
        Assert.Equal(new PostMatch(topic, false, topic, _t0, 0), matches[1] with { Rank = 0 });
        Assert.All(matches, m => Assert.Equal(DateTimeKind.Utc, m.CreatedAt.Kind));
        // Newest order does not rank; relevance order ranks each post by its own text (docs/adr/0044).
        Assert.All(matches, m => Assert.Equal(0, m.Rank));
        var ranked = await _seed.SearchAsync(word, viewer.Id, SearchOrder.Relevance);
        Assert.All(ranked, m => Assert.True(m.Rank < 0, "ranks are negative, better is lower"));

        // A substring in the middle of a word, and the title.
        Assert.Equal([reply], (await _seed.SearchAsync(word[2..] + "で眠気", viewer.Id)).Select(m => m.PostId));
        Assert.Contains(topic, (await _seed.SearchAsync("薬のこと", viewer.Id)).Select(m => m.PostId));
    }

    [Fact]
    public async Task One_and_two_character_queries_find_posts_by_substring()
    {
        var author = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var topic = await _seed.TopicAsync(author.Id, "相談です", "姉が薬を飲んでくれません。", _t0);
        var reply = await _seed.ReplyAsync(topic, viewer.Id, "薬のことは主治医に。", _t0.AddMinutes(1));
        var titleOnly = await _seed.TopicAsync(author.Id, "姉が心配", "どうしたらいいでしょう。", _t0.AddMinutes(2));
        var mine = new HashSet<Guid> { topic, reply, titleOnly };

        async Task<List<Guid>> Mine(string query) =>
            (await _seed.SearchAsync(query, viewer.Id)).Select(m => m.PostId).Where(mine.Contains).ToList();

        Assert.Equal([reply, topic], await Mine("薬"));
        Assert.Equal([titleOnly, topic], await Mine("姉が"));
        Assert.Equal([titleOnly, topic], await Mine("　姉が "));
        Assert.All(await _seed.SearchAsync("薬", viewer.Id), m => Assert.Equal(0, m.Rank));
    }

    [Fact]
    public async Task Deleted_posts_and_replies_in_deleted_topics_are_not_found()
    {
        var author = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var word = SearchSeed.UniqueWord();
        var kept = await _seed.TopicAsync(author.Id, "残る相談", word, _t0);
        var deletedReply = await _seed.ReplyAsync(kept, viewer.Id, word, _t0.AddMinutes(1));
        var deletedTopic = await _seed.TopicAsync(author.Id, "消す相談", word, _t0.AddMinutes(2));
        var replyInDeletedTopic = await _seed.ReplyAsync(deletedTopic, viewer.Id, word + "薬", _t0.AddMinutes(3));
        await _seed.UpdateReplyAsync(deletedReply, r => r.Delete(_t0.AddMinutes(4)));
        await _seed.UpdateTopicAsync(deletedTopic, t => t.Delete(_t0.AddMinutes(4)));

        Assert.Equal([kept], (await _seed.SearchAsync(word, viewer.Id)).Select(m => m.PostId));
        Assert.Equal([kept], (await _seed.SearchAsync(word, author.Id)).Select(m => m.PostId));
        Assert.DoesNotContain(replyInDeletedTopic, (await _seed.SearchAsync("薬", viewer.Id)).Select(m => m.PostId));
    }

    [Fact]
    public async Task Hidden_and_held_posts_are_found_only_by_their_author()
    {
        var author = await factory.SignUpAsync(_client);
        var replier = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var word = SearchSeed.UniqueWord();
        var hiddenTopic = await _seed.TopicAsync(author.Id, "隠された相談", word + "瘁", _t0);
        var replyInHiddenTopic = await _seed.ReplyAsync(hiddenTopic, replier.Id, word + "瘁", _t0.AddMinutes(1));
        var visibleTopic = await _seed.TopicAsync(author.Id, "見える相談", word + "瘁", _t0.AddMinutes(2));
        var heldReply = await _seed.ReplyAsync(visibleTopic, replier.Id, word + "瘁", _t0.AddMinutes(3));
        var visibleReply = await _seed.ReplyAsync(visibleTopic, viewer.Id, word + "瘁", _t0.AddMinutes(4));
        await _seed.UpdateTopicAsync(hiddenTopic, t => t.SetVisibility(PostVisibility.Hidden, DateTime.UtcNow));
        await _seed.UpdateReplyAsync(heldReply, r => r.SetVisibility(PostVisibility.Held, DateTime.UtcNow));

        foreach (var query in new[] { word, word[^1..] + "瘁" })
        {
            Assert.Equal([visibleReply, visibleTopic], (await _seed.SearchAsync(query, viewer.Id)).Select(m => m.PostId));

            // The topic's author sees their hidden topic and the replies in it, not someone else's held reply.
            Assert.Equal([visibleReply, visibleTopic, replyInHiddenTopic, hiddenTopic], (await _seed.SearchAsync(query, author.Id)).Select(m => m.PostId));

            // The replier sees their held reply, but not their reply in a topic hidden from them.
            Assert.Equal([visibleReply, heldReply, visibleTopic], (await _seed.SearchAsync(query, replier.Id)).Select(m => m.PostId));
        }
    }

    [Fact]
    public async Task Posts_by_blocked_members_and_replies_in_their_topics_are_not_found()
    {
        var blocked = await factory.SignUpAsync(_client);
        var other = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var word = SearchSeed.UniqueWord();
        var blockedTopic = await _seed.TopicAsync(blocked.Id, "相談", word + "嗟", _t0);
        var replyInBlockedTopic = await _seed.ReplyAsync(blockedTopic, other.Id, word + "嗟", _t0.AddMinutes(1));
        var otherTopic = await _seed.TopicAsync(other.Id, "相談", word + "嗟", _t0.AddMinutes(2));
        var blockedReply = await _seed.ReplyAsync(otherTopic, blocked.Id, word + "嗟", _t0.AddMinutes(3));
        var otherReply = await _seed.ReplyAsync(otherTopic, other.Id, word + "嗟", _t0.AddMinutes(4));
        Assert.Equal(5, (await _seed.SearchAsync(word, viewer.Id)).Count);

        await _seed.BlockAsync(viewer.Id, blocked.Id);

        foreach (var query in new[] { word, word[^1..] + "嗟" })
        {
            Assert.Equal([otherReply, otherTopic], (await _seed.SearchAsync(query, viewer.Id)).Select(m => m.PostId));

            // A block is one-way: the blocked member still finds everything.
            Assert.Equal(
                [otherReply, blockedReply, otherTopic, replyInBlockedTopic, blockedTopic],
                (await _seed.SearchAsync(query, blocked.Id)).Select(m => m.PostId));
        }
    }

    [Fact]
    public async Task Anonymous_posts_of_blocked_members_are_found_like_anyones_and_hidden_posts_are_not()
    {
        var blocked = await factory.SignUpAsync(_client);
        var other = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var word = SearchSeed.UniqueWord();
        var anonymousTopic = await _seed.TopicAsync(blocked.Id, "相談", word + "鞠", _t0, anonymous: true);
        var namedReplyInIt = await _seed.ReplyAsync(anonymousTopic, blocked.Id, word + "鞠", _t0.AddMinutes(1));
        var otherReplyInIt = await _seed.ReplyAsync(anonymousTopic, other.Id, word + "鞠", _t0.AddMinutes(2));
        var otherTopic = await _seed.TopicAsync(other.Id, "相談", word + "鞠", _t0.AddMinutes(3));
        var anonymousReply = await _seed.ReplyAsync(otherTopic, blocked.Id, word + "鞠", _t0.AddMinutes(4), anonymous: true);
        var hiddenTopic = await _seed.TopicAsync(other.Id, "相談", word + "鞠", _t0.AddMinutes(5));
        var replyInHiddenTopic = await _seed.ReplyAsync(hiddenTopic, other.Id, word + "鞠", _t0.AddMinutes(6));
        var hiddenReply = await _seed.ReplyAsync(otherTopic, other.Id, word + "鞠", _t0.AddMinutes(7));
        await _seed.BlockAsync(viewer.Id, blocked.Id);
        await _seed.HideAsync(viewer.Id, hiddenTopic, hiddenTopic);
        await _seed.HideAsync(viewer.Id, hiddenReply, otherTopic);

        foreach (var query in new[] { word, word[^1..] + "鞠" })
        {
            foreach (var order in new[] { SearchOrder.Newest, SearchOrder.Relevance })
            {
                var found = (await _seed.SearchAsync(query, viewer.Id, order)).Select(m => m.PostId).ToList();
                Assert.Equal(new[] { anonymousTopic, otherReplyInIt, otherTopic, anonymousReply }.Order(), found.Order());
                Assert.DoesNotContain(namedReplyInIt, found);
                Assert.DoesNotContain(replyInHiddenTopic, found);

                // Hides are the viewer's own: someone else finds every post.
                Assert.Equal(8, (await _seed.SearchAsync(query, other.Id, order)).Count);
            }
        }

        Assert.Equal([anonymousReply, otherTopic, otherReplyInIt, anonymousTopic], (await _seed.SearchAsync(word, viewer.Id)).Select(m => m.PostId));
    }

    [Fact]
    public async Task Newest_order_is_by_creation_time_then_id_and_pages_with_a_keyset()
    {
        var author = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var word = SearchSeed.UniqueWord();
        var oldest = await _seed.TopicAsync(author.Id, "古い相談", word + "鬯", _t0);
        var newest = await _seed.TopicAsync(author.Id, "新しい相談", word + "鬯", _t0.AddMinutes(10));
        var middle = await _seed.ReplyAsync(oldest, viewer.Id, word + "鬯", _t0.AddMinutes(5));

        // Two more at one instant: the id breaks the tie.
        var same = _t0.AddMinutes(7).AddTicks(1234567);
        var tied = new[]
        {
            await _seed.ReplyAsync(oldest, author.Id, word + "鬯", same),
            await _seed.TopicAsync(viewer.Id, "同時の相談", word + "鬯", same),
        }.OrderByDescending(id => id.ToString("D").ToUpperInvariant(), StringComparer.Ordinal).ToList();
        Guid[] expected = [newest, .. tied, middle, oldest];

        foreach (var query in new[] { word, word[^1..] + "鬯" })
        {
            Assert.Equal(expected, (await _seed.SearchAsync(query, viewer.Id)).Select(m => m.PostId));
            var paged = await _seed.AllPagesAsync(query, viewer.Id, SearchOrder.Newest, limit: 2);
            Assert.Equal(expected, paged.Select(m => m.PostId));
            Assert.Equal(2, (await _seed.SearchAsync(query, viewer.Id, limit: 2)).Count);
        }
    }

    [Fact]
    public async Task Newest_order_is_exact_within_a_millisecond_and_across_milliseconds_whatever_order_posts_were_written_in()
    {
        var author = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var word = SearchSeed.UniqueWord();
        // Written out of time order: microseconds apart in one millisecond, in the next one, and a second later.
        var ms = _t0.AddMinutes(3);
        var times = new[]
        {
            ms.AddTicks(500), ms.AddTicks(10), ms.AddTicks(9990), ms.AddTicks(TimeSpan.TicksPerMillisecond),
            ms.AddSeconds(1), ms.AddTicks(10), ms.AddTicks(4000), ms.AddTicks(TimeSpan.TicksPerMillisecond + 20), ms.AddTicks(-10),
        };
        var topic = await _seed.TopicAsync(author.Id, "時刻の相談", word, ms.AddTicks(-20));
        var posts = new List<(Guid Id, DateTime At)> { (topic, ms.AddTicks(-20)) };
        foreach (var at in times)
        {
            posts.Add((await _seed.ReplyAsync(topic, viewer.Id, word + "の返信", at), at));
        }

        var expected = posts.OrderByDescending(p => p.At).ThenByDescending(p => p.Id.ToString("D").ToUpperInvariant(), StringComparer.Ordinal).Select(p => p.Id).ToList();
        Assert.Equal(expected, (await _seed.SearchAsync(word, author.Id)).Select(m => m.PostId));
        foreach (var limit in new[] { 1, 2, 3, 4 })
        {
            Assert.Equal(expected, (await _seed.AllPagesAsync(word, author.Id, SearchOrder.Newest, limit)).Select(m => m.PostId));
            Assert.Equal(expected.Take(limit), (await _seed.SearchAsync(word, author.Id, limit: limit)).Select(m => m.PostId));
        }
    }

    [Fact]
    public async Task Relevance_order_of_one_or_two_characters_is_newest_order_and_pages_with_a_keyset()
    {
        var author = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var word = SearchSeed.UniqueWord();
        var pair = word[^2..];
        var topic = await _seed.TopicAsync(author.Id, "二文字の相談", word, _t0.AddMinutes(1));
        var replies = new List<Guid>();
        foreach (var minutes in new[] { 4, 2, 3 })
        {
            replies.Add(await _seed.ReplyAsync(topic, viewer.Id, pair + "です", _t0.AddMinutes(minutes)));
        }

        Guid[] expected = [replies[0], replies[2], replies[1], topic];
        var newest = (await _seed.SearchAsync(pair, author.Id)).Where(m => m.TopicId == topic).Select(m => m.PostId);
        Assert.Equal(expected, newest);
        var relevance = await _seed.SearchAsync(pair, author.Id, SearchOrder.Relevance);
        Assert.Equal(expected, relevance.Where(m => m.TopicId == topic).Select(m => m.PostId));
        Assert.All(relevance, m => Assert.Equal(0.0, m.Rank));
    }

    /// <summary>A short query takes at most a page from each table, newest first after the keyset, then merges them
    /// (docs/adr/0031): pages must stay exact when the tables' matches interleave in time and the posts the viewer may
    /// not see (blocked, hidden, held, in a blocked member's topic) lie between them.</summary>
    [Fact]
    public async Task A_short_query_pages_exactly_across_topics_and_replies_past_posts_the_viewer_may_not_see()
    {
        var other = await factory.SignUpAsync(_client);
        var blocked = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var word = SearchSeed.UniqueWord();
        var pair = word[^1..] + "鑿";
        var body = word + "鑿";
        var tie = _t0.AddMinutes(8).AddTicks(4321);
        var firstTopic = await _seed.TopicAsync(other.Id, "相談1", body, _t0);
        await _seed.ReplyAsync(firstTopic, blocked.Id, body, _t0.AddMinutes(1));
        var firstReply = await _seed.ReplyAsync(firstTopic, other.Id, body, _t0.AddMinutes(2));
        var blockedTopic = await _seed.TopicAsync(blocked.Id, "相談2", body, _t0.AddMinutes(3));
        await _seed.ReplyAsync(blockedTopic, other.Id, body, _t0.AddMinutes(4));
        var hiddenReply = await _seed.ReplyAsync(firstTopic, other.Id, body, _t0.AddMinutes(5));
        var secondTopic = await _seed.TopicAsync(other.Id, "相談3", body, _t0.AddMinutes(6));
        var heldReply = await _seed.ReplyAsync(firstTopic, other.Id, body, _t0.AddMinutes(7));
        var tiedReply = await _seed.ReplyAsync(secondTopic, other.Id, body, tie);
        var tiedTopic = await _seed.TopicAsync(other.Id, "相談4", body, tie);
        var newestReply = await _seed.ReplyAsync(secondTopic, viewer.Id, body, _t0.AddMinutes(9));
        await _seed.BlockAsync(viewer.Id, blocked.Id);
        await _seed.HideAsync(viewer.Id, hiddenReply, firstTopic);
        await _seed.UpdateReplyAsync(heldReply, r => r.SetVisibility(PostVisibility.Held, DateTime.UtcNow));

        var tied = new[] { tiedReply, tiedTopic }.OrderByDescending(id => id.ToString("D").ToUpperInvariant(), StringComparer.Ordinal);
        Guid[] expected = [newestReply, .. tied, secondTopic, firstReply, firstTopic];
        var mine = (await _seed.SearchAsync(word, other.Id)).Select(m => m.TopicId).ToHashSet();
        foreach (var order in new[] { SearchOrder.Newest, SearchOrder.Relevance })
        {
            foreach (var limit in new[] { 1, 2, 3, 4, 100 })
            {
                var paged = await _seed.AllPagesAsync(pair, viewer.Id, order, limit);
                Assert.Equal(expected, paged.Where(m => mine.Contains(m.TopicId)).Select(m => m.PostId));
            }
        }
    }

    [Fact]
    public async Task Relevance_puts_a_match_in_title_and_body_first_and_pages_with_a_keyset()
    {
        var author = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var word = SearchSeed.UniqueWord();
        var titleAndBody = await _seed.TopicAsync(author.Id, $"{word}について", $"{word}の話を聞いてください。今日も疲れました。", _t0);
        var bodyOnly = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            bodyOnly.Add(await _seed.TopicAsync(author.Id, "ほかの相談", $"{word}の話を聞いてください。今日も疲れました{i}。", _t0.AddMinutes(i + 1)));
        }

        var ranked = await _seed.SearchAsync(word, viewer.Id, SearchOrder.Relevance);
        Assert.Equal(5, ranked.Count);
        Assert.Equal(titleAndBody, ranked[0].PostId);
        Assert.True(ranked[0].Rank < ranked[1].Rank);
        Assert.Equal(ranked.OrderBy(m => m.Rank).ThenByDescending(m => m.CreatedAt).Select(m => m.PostId), ranked.Select(m => m.PostId));

        // Newest order ignores the rank.
        Assert.Equal(titleAndBody, (await _seed.SearchAsync(word, viewer.Id, SearchOrder.Newest))[^1].PostId);

        var paged = await _seed.AllPagesAsync(word, viewer.Id, SearchOrder.Relevance, limit: 2);
        Assert.Equal(ranked.Select(m => m.PostId), paged.Select(m => m.PostId));
        Assert.Equal(5, paged.Select(m => m.PostId).Distinct().Count());

        // Short queries have no rank: relevance order is newest order.
        var shortRanked = await _seed.AllPagesAsync(word[^2..], viewer.Id, SearchOrder.Relevance, limit: 2);
        Assert.Equal([.. bodyOnly.AsEnumerable().Reverse(), titleAndBody], shortRanked.Select(m => m.PostId).Where(id => id == titleAndBody || bodyOnly.Contains(id)));
    }

    /// <summary>The rank counts occurrences in either ASCII case, and of the query's NFKC form when it differs (docs/adr/0044):
    /// a title that holds the word in other letters' case, or only in full width, still ranks first.</summary>
    [Theory]
    [InlineData("WiFi{0}", "wifi{0}", "wifi{0}")]
    [InlineData("ｗｉｆｉ{0}", "ｗｉｆｉ{0}", "wifi{0}")]
    public async Task Relevance_counts_a_match_in_either_ascii_case_and_in_the_nfkc_form(string inTitle, string query, string inBody)
    {
        var author = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var word = SearchSeed.UniqueWord();
        var bodyOnly = await _seed.TopicAsync(author.Id, "ほかの相談", string.Format(System.Globalization.CultureInfo.InvariantCulture, inBody, word), _t0.AddMinutes(1));
        var titleAndBody = await _seed.TopicAsync(author.Id, string.Format(System.Globalization.CultureInfo.InvariantCulture, inTitle, word), string.Format(System.Globalization.CultureInfo.InvariantCulture, inBody, word), _t0);

        var ranked = await _seed.SearchAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, query, word), viewer.Id, SearchOrder.Relevance);
        Assert.Equal([titleAndBody, bodyOnly], ranked.Select(m => m.PostId));
        Assert.True(ranked[0].Rank < ranked[1].Rank);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"\"")]
    [InlineData("*")]
    [InlineData("薬*")]
    [InlineData("OR")]
    [InlineData("a OR b")]
    [InlineData("NOT 薬")]
    [InlineData("-薬")]
    [InlineData("薬 AND")]
    [InlineData("(薬")]
    [InlineData("NEAR(薬 姉)")]
    [InlineData("Title:薬")]
    [InlineData("^薬")]
    [InlineData("\\")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("'; DROP TABLE Topics; --")]
    [InlineData("🍵")]
    public async Task Query_syntax_characters_are_literal_and_never_throw(string query)
    {
        var viewer = await factory.SignUpAsync(_client);

        foreach (var order in new[] { SearchOrder.Newest, SearchOrder.Relevance })
        {
            var first = await _seed.SearchAsync(query, viewer.Id, order, limit: 1);
            if (first.Count == 1)
            {
                await _seed.SearchAsync(query, viewer.Id, order, first[0], limit: 1);
            }
        }
    }

    [Fact]
    public async Task A_query_that_is_not_valid_unicode_or_holds_NUL_does_not_throw()
    {
        var viewer = await factory.SignUpAsync(_client);
        await _seed.SearchAsync("\uD800", viewer.Id);
        await _seed.SearchAsync("薬\uDC00姉が", viewer.Id, SearchOrder.Relevance);
        Assert.Empty(await _seed.SearchAsync("\0", viewer.Id));
        await _seed.SearchAsync("姉が\0薬", viewer.Id);
        await _seed.SearchAsync("\0薬", viewer.Id);
    }

    [Fact]
    public async Task Operators_and_wildcards_match_only_themselves()
    {
        var author = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var word = SearchSeed.UniqueWord();
        var quoted = await _seed.TopicAsync(author.Id, "引用", $"母は「\"{word}\" OR 薬*」と書いた。", _t0);
        var percent = await _seed.TopicAsync(author.Id, "割合", $"{word}は100%_無理", _t0.AddMinutes(1));
        var plain = await _seed.TopicAsync(author.Id, "普通", $"{word}薬 OR の話", _t0.AddMinutes(2));
        var mine = new HashSet<Guid> { quoted, percent, plain };

        async Task<List<Guid>> Mine(string query) =>
            (await _seed.SearchAsync(query, viewer.Id)).Select(m => m.PostId).Where(mine.Contains).ToList();

        Assert.Equal([quoted], await Mine($"\"{word}\" OR 薬*"));
        Assert.Equal([quoted], await Mine("薬*"));
        Assert.Equal([percent], await Mine("0%"));
        Assert.Equal([percent], await Mine("%_"));
        Assert.Equal([percent], await Mine("100%_"));
        Assert.Equal([], await Mine("1_"));
        Assert.Equal([], await Mine("1%"));
        Assert.Equal([plain, quoted], await Mine("OR"));
    }

    [Fact]
    public async Task Edits_are_searchable_by_the_new_text_only_and_hard_deletes_leave_the_index()
    {
        var author = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var before = SearchSeed.UniqueWord();
        var after = SearchSeed.UniqueWord();
        var topic = await _seed.TopicAsync(author.Id, "タイトル", $"最初は{before}と書いた。", _t0);
        var reply = await _seed.ReplyAsync(topic, viewer.Id, $"返信も{before}。", _t0.AddMinutes(1));

        await _seed.UpdateTopicAsync(topic, t => t.Edit(null, $"今は{after}と書いた。", null, false, null, _t0.AddMinutes(2)));
        await _seed.UpdateReplyAsync(reply, r => r.Edit($"返信も{after}に。", null, false, _t0.AddMinutes(2)));
        Assert.Empty(await _seed.SearchAsync(before, viewer.Id));
        Assert.Equal([reply, topic], (await _seed.SearchAsync(after, viewer.Id)).Select(m => m.PostId));

        // A title edit, and an update that touches neither title nor body (closing), leave the body indexed.
        var title = SearchSeed.UniqueWord();
        await _seed.UpdateTopicAsync(topic, t => t.Edit(title, null, null, false, null, _t0.AddMinutes(3)));
        await _seed.UpdateTopicAsync(topic, t => t.SetClosed(true));
        Assert.Equal([topic], (await _seed.SearchAsync(title, viewer.Id)).Select(m => m.PostId));
        Assert.Equal([reply, topic], (await _seed.SearchAsync(after, viewer.Id)).Select(m => m.PostId));

        // Removing the row (the reply goes by ON DELETE CASCADE) removes its index entries and keys.
        await factory.WithDbAsync(db => db.Topics.Where(t => t.Id == topic).ExecuteDeleteAsync());
        Assert.Empty(await _seed.SearchAsync(after, viewer.Id));
        if (SalonApiFactory.UsesPostgres)
        {
            // PostgreSQL's indexes are ordinary indexes on the replies and on the topics' side table (docs/adr/0045), whose
            // row went with the topic.
            Assert.Equal(0, await factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>(
                $"SELECT count(*)::int AS \"Value\" FROM \"{TopicSearchTexts.Table}\" WHERE \"TopicId\" = {{0}}", topic).SingleAsync()));
            return;
        }

        var (indexed, keys) = await factory.WithDbAsync(async db =>
        {
            var indexed = await db.Database.SqlQueryRaw<int>(
                "SELECT count(*) AS Value FROM PostSearch WHERE PostSearch MATCH {0}", $"\"{after}\" OR \"{title}\"").SingleAsync();
            var keys = await db.Database.SqlQueryRaw<int>(
                "SELECT count(*) AS Value FROM PostSearchKeys WHERE PostId IN ({0}, {1})", topic.ToString("D").ToUpperInvariant(), reply.ToString("D").ToUpperInvariant()).SingleAsync();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO PostSearch (PostSearch, rank) VALUES ('integrity-check', 0)");
            return (indexed, keys);
        });
        Assert.Equal(0, indexed);
        Assert.Equal(0, keys);
    }

    [Fact]
    public async Task Letters_match_in_either_case_and_a_query_without_letters_matches_as_typed()
    {
        // On PostgreSQL a query with a letter that has case matches with ILIKE, one without with LIKE (docs/adr/0040):
        // the same posts either way, on both providers.
        var author = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var word = SearchSeed.UniqueWord();
        var topic = await _seed.TopicAsync(author.Id, "相談", $"{word}のDrug Testについて", _t0);
        var reply = await _seed.ReplyAsync(topic, author.Id, $"うちもdrug testを{word}で受けました。", _t0.AddMinutes(1));

        async Task<List<Guid>> Found(string query) => (await _seed.SearchAsync(query, viewer.Id)).Select(m => m.PostId).ToList();

        Assert.Equal([reply, topic], await Found("DRUG TEST"));
        Assert.Equal([reply, topic], await Found("drug test"));
        Assert.Equal([reply, topic], await Found("dRuG"));
        Assert.Equal([reply, topic], await Found(word));
        Assert.Equal([topic], await Found(word + "のdrug"));
        Assert.Equal([reply], await Found("TESTを" + word));
        Assert.Equal([reply], await Found("を" + word + "で受け"));
        Assert.Empty(await Found(word + "のテスト"));
    }

    [Fact]
    public async Task Full_width_and_half_width_queries_also_find_their_NFKC_form()
    {
        var author = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var word = SearchSeed.UniqueWord();
        var kana = await _seed.TopicAsync(author.Id, "薬", $"{word}クスリの量", _t0);
        var digits = await _seed.TopicAsync(author.Id, "日付", $"{word}は2026年から", _t0.AddMinutes(1));
        var latin = await _seed.TopicAsync(author.Id, "ＡＩ", $"{word} Salon のAI相談", _t0.AddMinutes(2));
        var mine = new HashSet<Guid> { kana, digits, latin };

        async Task<List<Guid>> Mine(string query) =>
            (await _seed.SearchAsync(query, viewer.Id)).Select(m => m.PostId).Where(mine.Contains).ToList();

        Assert.Equal([kana], await Mine("ｸｽﾘの量"));
        Assert.Equal([digits], await Mine("２０２６年"));
        Assert.Equal([latin], await Mine("ＳＡＬＯＮ"));
        Assert.Equal([latin], await Mine("salon"));
        Assert.Equal([latin], await Mine("ａｉ"));
        Assert.Equal([kana], await Mine("ｸｽ"));
    }

    [Fact]
    public async Task Characters_are_counted_as_code_points()
    {
        var author = await factory.SignUpAsync(_client);
        var viewer = await factory.SignUpAsync(_client);
        var word = SearchSeed.UniqueWord();
        var topic = await _seed.TopicAsync(author.Id, "お茶", $"{word}🍵🌸🍵の時間", _t0);

        // One emoji is two UTF-16 chars but one character: the substring path.
        Assert.Contains(topic, (await _seed.SearchAsync("🌸", viewer.Id)).Select(m => m.PostId));

        // Three emoji (six chars) are three trigram characters.
        Assert.Contains(topic, (await _seed.SearchAsync("🍵🌸🍵", viewer.Id)).Select(m => m.PostId));
        Assert.Contains(topic, (await _seed.SearchAsync(word[^1..] + "🍵", viewer.Id)).Select(m => m.PostId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("　\t\n")]
    public async Task An_empty_query_finds_nothing(string query)
    {
        var author = await factory.SignUpAsync(_client);
        await _seed.TopicAsync(author.Id, "なにか", "本文", _t0);
        Assert.Empty(await _seed.SearchAsync(query, author.Id));
    }

    [Fact]
    public async Task A_limit_of_zero_finds_nothing()
    {
        var author = await factory.SignUpAsync(_client);
        await _seed.TopicAsync(author.Id, "なにか", "本文", _t0);
        Assert.Empty(await _seed.SearchAsync("本", author.Id, limit: 0));
    }
}
