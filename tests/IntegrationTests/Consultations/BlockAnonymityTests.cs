using System.Net;
using System.Text.Json;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Consultations;

/// <summary>ADR 0016: blocks apply to named content only, so nothing a member observes depends on who wrote an
/// anonymous post; a per-post hide lets a member put any single post out of their sight.</summary>
public sealed class BlockAnonymityTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Everything_a_member_observes_is_the_same_whether_a_block_involves_the_anonymous_author_or_someone_else(bool viewerBlocks)
    {
        // viewerBlocks: A blocked X (the anonymous author) in one world, Y in the other. Otherwise X (or Y) blocked A.
        await using var authorWorld = await AnonymityWorld.PlayAsync(world => BlockScriptAsync(world, "X", viewerBlocks));
        await using var otherWorld = await AnonymityWorld.PlayAsync(world => BlockScriptAsync(world, "Y", viewerBlocks));

        Assert.True(otherWorld.Transcript.Count > 100, "the walk observed too little to mean anything");
        Assert.Contains(otherWorld.Transcript, o => o.StartsWith("e-mail ", StringComparison.Ordinal) && o.Contains("サロンの最近の様子", StringComparison.Ordinal));
        var difference = AnonymityWorld.FirstDifference(otherWorld.Transcript, authorWorld.Transcript);
        Assert.True(difference is null, difference);
    }

    [Fact]
    public async Task Replying_to_or_reacting_on_an_anonymous_topic_gets_the_same_answer_whoever_blocked_whom()
    {
        var author = await factory.SignUpAsync(_client);
        var blocker = await factory.SignUpAsync(_client);
        var blockedByAuthor = await factory.SignUpAsync(_client);
        var bystander = await factory.SignUpAsync(_client);
        var topic = await _client.CreateTopicAsync(author, anonymous: true);
        await (await _client.SendAsAsync(blocker, HttpMethod.Put, $"/api/me/blocks/{author.Id}")).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(author, HttpMethod.Put, $"/api/me/blocks/{blockedByAuthor.Id}")).ShouldBe(HttpStatusCode.NoContent);

        foreach (var member in new[] { blocker, blockedByAuthor, bystander })
        {
            await (await _client.SendAsAsync(member, HttpMethod.Get, $"/api/topics/{topic}")).ShouldBe(HttpStatusCode.OK);
            await (await _client.SendAsAsync(member, HttpMethod.Post, $"/api/topics/{topic}/replies", new { body = "名前で返信します", anonymous = false })).ShouldBe(HttpStatusCode.Created);
            await (await _client.SendAsAsync(member, HttpMethod.Post, $"/api/topics/{topic}/replies", new { body = "匿名で返信します", anonymous = true })).ShouldBe(HttpStatusCode.Created);
            await (await _client.SendAsAsync(member, HttpMethod.Put, $"/api/posts/{topic}/reactions/relate")).ShouldBe(HttpStatusCode.OK);
            await (await _client.SendAsAsync(member, HttpMethod.Put, $"/api/topics/{topic}/follow")).ShouldBe(HttpStatusCode.NoContent);
            await (await _client.SendAsAsync(member, HttpMethod.Put, $"/api/topics/{topic}/bookmark")).ShouldBe(HttpStatusCode.NoContent);
        }

        // The same for a reply: an anonymous reply by the blocked author in a bystander's named topic.
        var named = await _client.CreateTopicAsync(bystander);
        var anonymousReply = await _client.ReplyAsync(author, named, "匿名の返信", anonymous: true);
        foreach (var member in new[] { blocker, blockedByAuthor, bystander })
        {
            Assert.Contains(anonymousReply, (await _client.GetTopicAsync(member, named)).GetProperty("replies").Ids());
            await (await _client.SendAsAsync(member, HttpMethod.Put, $"/api/posts/{anonymousReply}/reactions/thanks")).ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Notices_of_a_blocked_members_anonymous_reply_or_reaction_arrive_like_anyone_elses()
    {
        var reader = await factory.SignUpAsync(_client);
        var blocked = await factory.SignUpAsync(_client);
        var other = await factory.SignUpAsync(_client);
        var namedAuthor = await factory.SignUpAsync(_client);
        var mine = await _client.CreateTopicAsync(reader, title: "わたしの匿名の相談", anonymous: true);
        var followed = await _client.CreateTopicAsync(namedAuthor, title: "フォローしている相談");
        await (await _client.SendAsAsync(reader, HttpMethod.Put, $"/api/topics/{followed}/follow")).ShouldBe(HttpStatusCode.NoContent);

        // A notice from before the block stays available after it.
        var earlier = await _client.ReplyAsync(blocked, mine, "ブロック前の匿名の返信", anonymous: true);
        await (await _client.SendAsAsync(reader, HttpMethod.Put, $"/api/me/blocks/{blocked.Id}")).ShouldBe(HttpStatusCode.NoContent);

        var toMine = await _client.ReplyAsync(blocked, mine, "匿名の返信", anonymous: true);
        var inFollowed = await _client.ReplyAsync(blocked, followed, "フォロー中の相談への匿名の返信", anonymous: true);
        await (await _client.SendAsAsync(blocked, HttpMethod.Put, $"/api/posts/{mine}/reactions/relate")).ShouldBe(HttpStatusCode.OK);
        await (await _client.SendAsAsync(other, HttpMethod.Put, $"/api/posts/{mine}/reactions/relate")).ShouldBe(HttpStatusCode.OK);

        var notices = (await _client.ListAsync(reader, "/api/notifications?limit=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.All(notices, n => Assert.True(n.GetProperty("available").GetBoolean(), n.GetRawText()));
        var replyNotices = notices.Where(n => n.GetProperty("kind").GetString() == "reply_to_my_topic").Select(n => n.GetProperty("postId").GetGuid()).ToList();
        Assert.Equal([toMine, earlier], replyNotices);
        Assert.Equal(inFollowed, Assert.Single(notices, n => n.GetProperty("kind").GetString() == "reply_in_followed_topic").GetProperty("postId").GetGuid());
        Assert.Equal(
            "あなたの投稿に、2人が『わかる』と反応しました。",
            Assert.Single(notices, n => n.GetProperty("kind").GetString() == "reactions").GetProperty("message").GetString());

        // Replies to one's own topic are e-mailed at once by default: the anonymous replies were, both.
        Assert.Equal(2, (await factory.AllToAsync(reader.Email)).Count(m => m.Kind == "reply-notice"));
    }

    [Fact]
    public async Task Named_content_of_a_blocked_member_disappears_while_their_anonymous_content_stays()
    {
        var blocker = await factory.SignUpAsync(_client);
        var blocked = await factory.SignUpAsync(_client);
        var word = "ぶろっく" + Guid.NewGuid().ToString("N")[..6];
        var blockersNamed = await _client.CreateTopicAsync(blocker, board: "after-parents", title: "名前で書いた相談");
        var blockersAnonymous = await _client.CreateTopicAsync(blocker, board: "after-parents", title: "匿名で書いた相談", anonymous: true);
        await (await _client.SendAsAsync(blocker, HttpMethod.Put, $"/api/me/blocks/{blocked.Id}")).ShouldBe(HttpStatusCode.NoContent);

        var named = await _client.CreateTopicAsync(blocked, board: "after-parents", title: "名前の相談 " + word);
        var anonymous = await _client.CreateTopicAsync(blocked, board: "after-parents", title: "匿名の相談 " + word, anonymous: true);
        var namedReply = await _client.ReplyAsync(blocked, anonymous, "名前の返信 " + word);
        var anonymousReply = await _client.ReplyAsync(blocked, anonymous, "匿名の返信 " + word, anonymous: true);
        var namedInAnonymousOfBlocker = await _client.ReplyAsync(blocked, blockersAnonymous, "名前で返信 " + word);

        var list = (await _client.ListAsync(blocker, "/api/boards/after-parents/topics?limit=100")).Ids();
        Assert.DoesNotContain(named, list);
        Assert.Contains(anonymous, list);
        await (await _client.SendAsAsync(blocker, HttpMethod.Get, $"/api/topics/{named}")).ShouldBe(HttpStatusCode.NotFound);
        var thread = (await _client.GetTopicAsync(blocker, anonymous)).GetProperty("replies").Ids();
        Assert.Equal([anonymousReply], thread);
        Assert.DoesNotContain(namedInAnonymousOfBlocker, (await _client.GetTopicAsync(blocker, blockersAnonymous)).GetProperty("replies").Ids());
        foreach (var sort in new[] { "newest", "relevance" })
        {
            // Ranks differ between providers; the set found is what matters here.
            var found = (await _client.ListAsync(blocker, $"/api/search?q={Uri.EscapeDataString(word)}&sort={sort}")).Ids();
            Assert.Equal(new[] { anonymousReply, anonymous }.Order(), found.Order());
        }

        // A named topic still refuses the blocked member's reply (anonymous or not) and reaction; an anonymous one never does.
        foreach (var asAnonymous in new[] { false, true })
        {
            await (await _client.SendAsAsync(blocked, HttpMethod.Post, $"/api/topics/{blockersNamed}/replies", new { body = "返信したい", anonymous = asAnonymous })).ShouldBe(HttpStatusCode.Forbidden);
        }

        await (await _client.SendAsAsync(blocked, HttpMethod.Put, $"/api/posts/{blockersNamed}/reactions/relate")).ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.SendAsAsync(blocked, HttpMethod.Post, $"/api/topics/{blockersAnonymous}/replies", new { body = "返信", anonymous = true })).ShouldBe(HttpStatusCode.Created);

        // The named reply made no notice for the blocker; the others' content is untouched for a bystander.
        var notices = (await _client.ListAsync(blocker, "/api/notifications?limit=100")).GetProperty("items").EnumerateArray();
        Assert.DoesNotContain(notices, n => n.GetProperty("postId").ValueKind == JsonValueKind.String && n.GetProperty("postId").GetGuid() == namedInAnonymousOfBlocker);
        var bystander = await factory.SignUpAsync(_client);
        Assert.Equal([namedReply, anonymousReply], (await _client.GetTopicAsync(bystander, anonymous)).GetProperty("replies").Ids());
    }

    [Fact]
    public async Task A_member_can_hide_any_single_post_from_their_own_view_and_bring_it_back()
    {
        var viewer = await factory.SignUpAsync(_client);
        var neighbour = await factory.SignUpAsync(_client);
        var author = await factory.SignUpAsync(_client);
        var word = "かくす" + Guid.NewGuid().ToString("N")[..6];
        var topic = await _client.CreateTopicAsync(author, board: "chat", title: "隠される相談 " + word, anonymous: true);
        var kept = await _client.CreateTopicAsync(author, board: "chat", title: "残る相談 " + word);
        var reply = await _client.ReplyAsync(author, kept, "隠される返信 " + word, anonymous: true);
        var replyInHidden = await _client.ReplyAsync(neighbour, topic, "隠される相談への返信 " + word);
        await (await _client.SendAsAsync(viewer, HttpMethod.Put, $"/api/topics/{topic}/bookmark")).ShouldBe(HttpStatusCode.NoContent);

        await (await _client.SendAsAsync(viewer, HttpMethod.Put, $"/api/posts/{topic}/hide")).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(viewer, HttpMethod.Put, $"/api/posts/{topic}/hide")).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(viewer, HttpMethod.Put, $"/api/posts/{reply}/hide")).ShouldBe(HttpStatusCode.NoContent);

        // Gone from the viewer's lists, thread, bookmarks and search; still reachable by its address.
        Assert.Equal([kept], (await _client.ListAsync(viewer, "/api/boards/chat/topics?limit=100")).Ids().Where(id => id == topic || id == kept));
        Assert.Empty((await _client.GetTopicAsync(viewer, kept)).GetProperty("replies").Ids());
        Assert.DoesNotContain(topic, (await _client.ListAsync(viewer, "/api/me/bookmarks")).Ids());
        Assert.Equal([kept], (await _client.ListAsync(viewer, "/api/search?q=" + Uri.EscapeDataString(word))).Ids());
        await (await _client.SendAsAsync(viewer, HttpMethod.Get, $"/api/topics/{topic}")).ShouldBe(HttpStatusCode.OK);
        var hidden = (await _client.ListAsync(viewer, "/api/me/hidden-posts")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([reply, topic], hidden.Select(h => h.GetProperty("postId").GetGuid()));
        Assert.Equal(["reply", "topic"], hidden.Select(h => h.GetProperty("kind").GetString()));
        Assert.Equal(kept, hidden[0].GetProperty("topicId").GetGuid());
        Assert.DoesNotContain(author.Id.ToString(), string.Join(' ', hidden.Select(h => h.GetRawText())), StringComparison.OrdinalIgnoreCase);

        // Per viewer: the neighbour sees everything.
        Assert.Equal(4, (await _client.ListAsync(neighbour, "/api/search?q=" + Uri.EscapeDataString(word))).Ids().Count);
        Assert.Equal([reply], (await _client.GetTopicAsync(neighbour, kept)).GetProperty("replies").Ids());

        // One's own post cannot be hidden; an unknown post is a 404; unhiding is idempotent and brings it back.
        var own = await _client.CreateTopicAsync(viewer, anonymous: true);
        await (await _client.SendAsAsync(viewer, HttpMethod.Put, $"/api/posts/{own}/hide")).ShouldBe(HttpStatusCode.UnprocessableEntity);
        await (await _client.SendAsAsync(viewer, HttpMethod.Put, $"/api/posts/{Guid.CreateVersion7()}/hide")).ShouldBe(HttpStatusCode.NotFound);
        await (await _client.SendAsAsync(viewer, HttpMethod.Delete, $"/api/posts/{topic}/hide")).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(viewer, HttpMethod.Delete, $"/api/posts/{topic}/hide")).ShouldBe(HttpStatusCode.NoContent);
        Assert.Contains(topic, (await _client.ListAsync(viewer, "/api/boards/chat/topics?limit=100")).Ids());
        Assert.Contains(replyInHidden, (await _client.ListAsync(viewer, "/api/search?q=" + Uri.EscapeDataString(word))).Ids());

        // The export carries the hides; deleting the account removes them.
        var export = await _client.ListAsync(viewer, "/api/me/export");
        var exported = export.GetProperty("sections").GetProperty("consultations").GetProperty("hiddenPosts").EnumerateArray().ToList();
        Assert.Equal(reply, Assert.Single(exported).GetProperty("postId").GetGuid());
        await (await _client.SendAsync(ApiClient.Authorized(HttpMethod.Delete, "/api/me", viewer.Tokens.AccessToken, new { password = viewer.Password, contentHandling = "delete" })))
            .ShouldBe(HttpStatusCode.Accepted);
        Assert.Equal(0, await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.HiddenPosts, h => h.MemberId == viewer.Id)));
    }

    /// <summary>The community of the first test: a block is made between the viewer A and one other member
    /// (<paramref name="blockTarget"/>, X or Y; A blocks them when <paramref name="viewerBlocks"/>, otherwise they block
    /// A), then everyone acts exactly as in every other world: X and Y post only anonymously, Z and W by name, and A
    /// reads, replies, reacts, follows, bookmarks, reports and hides.</summary>
    private static async Task BlockScriptAsync(AnonymityWorld world, string blockTarget, bool viewerBlocks)
    {
        await world.SignUpAsync("A", "X", "Y", "Z", "W");
        await world.SucceedsAsync("A", HttpMethod.Put, "/api/me/notification-settings", new { digest = new { frequency = "daily", hour = 20 } });
        if (viewerBlocks)
        {
            await world.SucceedsAsync("A", HttpMethod.Put, $"/api/me/blocks/{world.MemberId(blockTarget)}");
        }
        else
        {
            await world.SucceedsAsync(blockTarget, HttpMethod.Put, $"/api/me/blocks/{world.MemberId("A")}");
        }

        await world.TopicAsync("T3", "Z", "家族会のこと", "ひまわりの咲く頃に家族会がありました。", anonymous: false, tags: ["money"]);
        await world.TopicAsync("TW", "W", "弟のこと", "ひまわり畑に弟と行きました。", anonymous: false);
        await world.TopicAsync("TA", "A", "夜眠れない", "母の病気のことで夜眠れません。", anonymous: true);
        await world.SucceedsAsync("A", HttpMethod.Put, $"/api/topics/{world.Id("T3")}/follow");

        // Tuesday 10:00 in Japan: A is away; X and Y post anonymously, Z and W by name.
        await world.MoveToAsync(new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.FromHours(9)), "X", "Y", "Z", "W");
        await world.TopicAsync("TX1", "X", "ひまわりの相談", "ひまわりを見ると父を思い出します。", anonymous: true, tags: ["money"]);
        await world.TopicAsync("TY1", "Y", "ひまわりの話", "ひまわりの種を母と植えました。", anonymous: true, tags: ["money"]);
        await world.TopicAsync("TX2", "X", "まだ誰にも言えない", "兄の入院のことを誰にも言えません。", anonymous: true);
        await world.TopicAsync("TY2", "Y", "はじめまして", "姉のことで相談したいです。", anonymous: true);
        await world.ReplyAsync("RX1", "X", "T3", "ひまわり、うちにも咲いています。", anonymous: true);
        await world.ReplyAsync("RY1", "Y", "T3", "家族会、行ってみたいです。", anonymous: true);
        await world.ReplyAsync("RX2", "X", "TA", "わたしも眠れない夜がありました。", anonymous: true);
        await world.ReplyAsync("RY2", "Y", "TA", "お大事にしてください。", anonymous: true);
        await world.SucceedsAsync("X", HttpMethod.Put, $"/api/posts/{world.Id("TA")}/reactions/relate");
        await world.SucceedsAsync("Y", HttpMethod.Put, $"/api/posts/{world.Id("TA")}/reactions/thanks");
        await world.SucceedsAsync("X", HttpMethod.Put, $"/api/posts/{world.Id("RY2")}/reactions/support");
        await world.ReplyAsync("RZ1", "Z", "TX1", "うちの父も同じでした。", anonymous: false);
        await world.SucceedsAsync("W", HttpMethod.Put, $"/api/posts/{world.Id("TX1")}/reactions/relate");
        await world.SucceedsAsync("Z", HttpMethod.Put, $"/api/posts/{world.Id("TX1")}/reactions/thanks");
        await world.ReplyAsync("RZ2", "Z", "TY1", "すてきですね。", anonymous: false);
        await world.ReplyAsync("RX3", "X", "TX1", "ありがとうございます。少し楽になりました。", anonymous: true);
        await world.ReplyAsync("RX4", "X", "TW", "ひまわり畑、いいですね。", anonymous: true);
        await world.ReplyAsync("RW1", "W", "TX2", "話してくれてありがとう。", anonymous: false);
        await world.SucceedsAsync("X", HttpMethod.Delete, $"/api/posts/{world.Id("TA")}/reactions/relate");
        await world.SucceedsAsync("X", HttpMethod.Put, $"/api/posts/{world.Id("TA")}/reactions/support");

        // Tuesday 20:05: the digest goes out over SMTP with everything else queued for A.
        await world.MoveToAsync(new DateTimeOffset(2026, 11, 3, 20, 5, 0, TimeSpan.FromHours(9)));
        await world.DeliverMailAsync();

        // A comes back and acts on the anonymous posts (X's among them) and reads everything.
        string[] topics = ["TX1", "TX2", "TY1", "TY2", "T3", "TW", "TA"];
        string[] searches = ["ひまわり", "ひま", "家族"];
        await world.MoveToAsync(new DateTimeOffset(2026, 11, 3, 20, 10, 0, TimeSpan.FromHours(9)), "A");
        await world.ReadEverythingAsync(topics, searches);
        await world.ActAsync(HttpMethod.Post, $"/api/topics/{world.Id("TX1")}/replies", new { body = "読んでいて涙が出ました。", anonymous = false }, "RA1");
        await world.ActAsync(HttpMethod.Post, $"/api/topics/{world.Id("TX2")}/replies", new { body = "ここに書いてくれてよかった。", anonymous = true }, "RA2");
        await world.ActAsync(HttpMethod.Post, $"/api/topics/{world.Id("TY2")}/replies", new { body = "ようこそ。", anonymous = true }, "RA3");
        await world.ActAsync(HttpMethod.Put, $"/api/posts/{world.Id("TX1")}/reactions/relate");
        await world.ActAsync(HttpMethod.Put, $"/api/posts/{world.Id("RX1")}/reactions/support");
        await world.ActAsync(HttpMethod.Put, $"/api/posts/{world.Id("RX2")}/reactions/thanks");
        await world.ActAsync(HttpMethod.Delete, $"/api/posts/{world.Id("RX2")}/reactions/thanks");
        await world.ActAsync(HttpMethod.Put, $"/api/posts/{world.Id("TY1")}/reactions/relate");
        await world.ActAsync(HttpMethod.Put, $"/api/topics/{world.Id("TX1")}/follow");
        await world.ActAsync(HttpMethod.Put, $"/api/topics/{world.Id("TX2")}/follow");
        await world.ActAsync(HttpMethod.Delete, $"/api/topics/{world.Id("TX2")}/follow");
        await world.ActAsync(HttpMethod.Put, $"/api/topics/{world.Id("TX1")}/bookmark");
        await world.ActAsync(HttpMethod.Put, $"/api/topics/{world.Id("TY1")}/bookmark");
        await world.ActAsync(HttpMethod.Put, $"/api/topics/{world.Id("TX2")}/bookmark");
        await world.ActAsync(HttpMethod.Put, $"/api/topics/{world.Id("TX1")}/read");
        await world.ActAsync(HttpMethod.Post, "/api/reports", new { postId = world.Id("RX4"), reason = "other", note = "気になりました" });
        await world.ActAsync(HttpMethod.Put, $"/api/posts/{world.Id("TY2")}/hide");
        await world.ActAsync(HttpMethod.Put, $"/api/posts/{world.Id("RX3")}/hide");
        await world.ActAsync(HttpMethod.Put, $"/api/posts/{world.Id("RX3")}/hide");

        // Others answer A's replies, then A reads everything again.
        await world.MoveToAsync(new DateTimeOffset(2026, 11, 3, 20, 20, 0, TimeSpan.FromHours(9)), "X", "Y", "Z");
        await world.ReplyAsync("RX5", "X", "TX1", "返信ありがとう。", anonymous: true);
        if (world.TryId("RA3", out var ra3) && world.TryId("RA2", out var ra2))
        {
            // Only if A's replies were accepted; if not, the transcripts already differ.
            await world.SucceedsAsync("X", HttpMethod.Put, $"/api/posts/{ra3}/reactions/relate");
            await world.SucceedsAsync("Y", HttpMethod.Put, $"/api/posts/{ra2}/reactions/thanks");
        }

        await world.ReplyAsync("RZ3", "Z", "TX2", "わたしも聞きますよ。", anonymous: false);
        await world.MoveToAsync(new DateTimeOffset(2026, 11, 3, 20, 25, 0, TimeSpan.FromHours(9)), "A");
        await world.ReadEverythingAsync(topics, searches);
    }
}
