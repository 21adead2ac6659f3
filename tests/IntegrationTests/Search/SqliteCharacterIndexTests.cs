using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Salon.Infrastructure.Consultations.Search;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Search;

/// <summary>The index of single characters that serves 1–2 character searches on SQLite (migration
/// <c>PostSearchCharacters</c>, docs/adr/0035): the triggers cut every text into characters in order, however long, keep
/// the index in step with edits and deletes, and the index only proposes candidates that <c>LIKE</c> then decides. Each
/// test has its own database, so the characters it searches for are its own.</summary>
[Trait("Provider", "Sqlite")]
public sealed class SqliteCharacterIndexTests
{
    private readonly DateTime _t0 = DateTime.UnixEpoch.AddSeconds(DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeSeconds());

    [Fact]
    public async Task Every_character_of_a_body_of_the_longest_length_is_indexed_in_order()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var author = await factory.SignUpAsync(client);

        // 10,000 characters: a filler of kana, with pairs at the start, across the first chunk boundary (characters 100
        // and 101, 1-based), across a later one, and at the very end.
        var body = new char[10_000];
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = "あいうえおかきくけこ"[i % 10];
        }

        (body[0], body[1]) = ('麒', '麟');
        (body[99], body[100]) = ('鼈', '甲');
        (body[5_099], body[5_100]) = ('鸚', '鵡');
        (body[9_998], body[9_999]) = ('鵺', '鶚');
        var topic = await seed.TopicAsync(author.Id, "長い相談", new string(body), _t0);

        foreach (var query in new[] { "麒麟", "鼈甲", "鸚鵡", "鵺鶚", "麟", "鶚", "こあ" })
        {
            Assert.Equal([topic], (await seed.SearchAsync(query, author.Id)).Select(m => m.PostId));
        }

        // Characters that are not next to each other are not a pair.
        Assert.Empty(await seed.SearchAsync("麟鼈", author.Id));
        Assert.Empty(await seed.SearchAsync("あう", author.Id));
    }

    [Fact]
    public async Task The_index_proposes_and_LIKE_decides()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var author = await factory.SignUpAsync(client);
        var spaced = await seed.TopicAsync(author.Id, "題", "x y と書いた", _t0);
        var greek = await seed.TopicAsync(author.Id, "題", "σの話", _t0.AddMinutes(1));
        var latin = await seed.TopicAsync(author.Id, "題", "Qの話", _t0.AddMinutes(2));

        // The tokenizer drops the space between words, so the index proposes "x y" for 「xy」; LIKE does not match it.
        Assert.Empty(await seed.SearchAsync("xy", author.Id));
        Assert.Equal([spaced], (await seed.SearchAsync("x", author.Id)).Select(m => m.PostId));

        // The index folds Greek case; LIKE folds ASCII case only, as the short search always has.
        Assert.Empty(await seed.SearchAsync("Σ", author.Id));
        Assert.Equal([greek], (await seed.SearchAsync("σ", author.Id)).Select(m => m.PostId));
        Assert.Equal([latin], (await seed.SearchAsync("q", author.Id)).Select(m => m.PostId));
    }

    [Fact]
    public async Task Edits_and_deletes_keep_the_character_index_in_step()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var author = await factory.SignUpAsync(client);
        var topic = await seed.TopicAsync(author.Id, "麒麟の題", "鼈甲の本文", _t0);
        var reply = await seed.ReplyAsync(topic, author.Id, "鸚鵡の返信", _t0.AddMinutes(1));

        await seed.UpdateTopicAsync(topic, t => t.Edit("新しい題", "鵺の本文", null, false, null, _t0.AddMinutes(2)));
        await seed.UpdateReplyAsync(reply, r => r.Edit("鶚の返信", null, false, _t0.AddMinutes(2)));
        foreach (var gone in new[] { "麒麟", "鼈甲", "鸚鵡" })
        {
            Assert.Empty(await seed.SearchAsync(gone, author.Id));
        }

        Assert.Equal([topic], (await seed.SearchAsync("鵺", author.Id)).Select(m => m.PostId));
        Assert.Equal([reply], (await seed.SearchAsync("鶚", author.Id)).Select(m => m.PostId));
        Assert.Equal([reply, topic], (await seed.SearchAsync("の", author.Id)).Select(m => m.PostId));
        Assert.Equal(2, await CountAsync(factory, "\"鵺\" OR \"鶚\""));

        // Removing the topic removes the reply by ON DELETE CASCADE, and both leave the index.
        await factory.WithDbAsync(db => db.Topics.Where(t => t.Id == topic).ExecuteDeleteAsync());
        Assert.Empty(await seed.SearchAsync("の", author.Id));
        Assert.Equal(0, await CountAsync(factory, "\"鵺\" OR \"鶚\" OR (\"新\" \"し\")"));
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("INSERT INTO PostSearchChars (PostSearchChars, rank) VALUES ('integrity-check', 0)"));
    }

    [Fact]
    public async Task The_index_keeps_no_positions_and_a_pair_is_both_characters_rechecked()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var author = await factory.SignUpAsync(client);
        var apart = await seed.TopicAsync(author.Id, "題", "鰐の話と鮫の話", _t0);
        var together = await seed.TopicAsync(author.Id, "題", "鮫鰐という字", _t0.AddMinutes(1));
        var reversed = await seed.TopicAsync(author.Id, "題", "鰐鮫と逆の順", _t0.AddMinutes(2));

        // Without positions FTS5 refuses phrases (docs/adr/0037): the index only knows which posts hold a character.
        var phrase = await Assert.ThrowsAnyAsync<Exception>(() => CountAsync(factory, "\"鮫 鰐\""));
        Assert.Contains("phrase queries are not supported", phrase.Message, StringComparison.Ordinal);
        Assert.Equal(3, await CountAsync(factory, "(\"鮫\" \"鰐\")"));

        // All three hold both characters; LIKE keeps the one where they are next to each other in that order.
        Assert.Equal([together], (await seed.SearchAsync("鮫鰐", author.Id)).Select(m => m.PostId));
        Assert.Equal([reversed], (await seed.SearchAsync("鰐鮫", author.Id)).Select(m => m.PostId));
        Assert.Equal([reversed, together, apart], (await seed.SearchAsync("鰐", author.Id)).Select(m => m.PostId));
    }

    [Fact]
    public async Task A_search_reads_a_bounded_number_of_candidates_and_the_next_page_goes_on_from_where_it_stopped()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var author = await factory.SignUpAsync(client);

        // Both characters in every post, next to each other in the oldest and the newest only: more decoys between them
        // than one request may read (docs/adr/0037).
        var oldest = await seed.TopicAsync(author.Id, "題", "鮫鰐の話", _t0);
        var decoys = SearchTerms.MaxCandidates + 50;
        await seed.TopicsAsync(author.Id, Enumerable.Range(1, decoys).Select(i => ("鰐の話と鮫の話", _t0.AddSeconds(i))));
        var newest = await seed.TopicAsync(author.Id, "題", "鮫鰐の話", _t0.AddSeconds(decoys + 1));

        var first = await seed.SearchPageAsync("鮫鰐", author.Id);
        Assert.Equal([newest], first.Matches.Select(m => m.PostId));
        Assert.NotNull(first.ResumeAfter);
        var second = await seed.SearchPageAsync("鮫鰐", author.Id, first.ResumeAfter);
        Assert.Equal([oldest], second.Matches.Select(m => m.PostId));
        Assert.Null(second.ResumeAfter);

        // The same through the API: a short page with a cursor, then the rest and no cursor.
        var url = "/api/search?q=" + Uri.EscapeDataString("鮫鰐");
        var page = await (await client.SendAsAsync(author, HttpMethod.Get, url)).JsonAsync();
        Assert.Equal([newest.ToString()], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var cursor = page.GetProperty("nextCursor").GetString();
        Assert.False(string.IsNullOrEmpty(cursor));
        page = await (await client.SendAsAsync(author, HttpMethod.Get, url + "&cursor=" + cursor)).JsonAsync();
        Assert.Equal([oldest.ToString()], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Candidates_all_in_one_millisecond_are_read_whole_so_paging_still_ends()
    {
        using var factory = new SalonApiFactory();
        using var client = factory.CreateClient();
        var seed = new SearchSeed(factory);
        var author = await factory.SignUpAsync(client);

        // Imported posts can share a time: no millisecond boundary to resume at, so the bound gives way.
        var oldest = await seed.TopicAsync(author.Id, "題", "鮫鰐の話", _t0);
        await seed.TopicsAsync(author.Id, Enumerable.Range(1, SearchTerms.MaxCandidates + 50).Select(_ => ("鰐の話と鮫の話", _t0.AddSeconds(1))));
        var newest = await seed.TopicAsync(author.Id, "題", "鮫鰐の話", _t0.AddSeconds(2));

        var first = await seed.SearchPageAsync("鮫鰐", author.Id);
        Assert.Equal([newest], first.Matches.Select(m => m.PostId));
        Assert.NotNull(first.ResumeAfter);
        var second = await seed.SearchPageAsync("鮫鰐", author.Id, first.ResumeAfter);
        Assert.Equal([oldest], second.Matches.Select(m => m.PostId));
        Assert.Null(second.ResumeAfter);
    }

    private static Task<int> CountAsync(SalonApiFactory factory, string match) =>
        factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>(
            "SELECT count(*) AS Value FROM PostSearchChars WHERE PostSearchChars MATCH {0}", match).SingleAsync());
}
