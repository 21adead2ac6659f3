using Salon.Application.Consultations.Views;
using System.Net;
using System.Text.Json;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Consultations;

public sealed class CommunityTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Blocking_hides_the_blocked_members_posts_and_stops_them_replying_or_reacting_to_the_blocker()
    {
        var blocker = await factory.SignUpAsync(_client);
        var blocked = await factory.SignUpAsync(_client);
        var blockersTopic = await _client.CreateTopicAsync(blocker, board: "after-parents", title: "親亡き後のお金");
        var blockedTopic = await _client.CreateTopicAsync(blocked, board: "after-parents", title: "ブロックされる側の相談");
        var blockedReply = await _client.ReplyAsync(blocked, blockersTopic, "ブロック前の返信");
        await (await _client.SendAsAsync(blocker, HttpMethod.Put, $"/api/me/blocks/{blocked.Id}")).ShouldBe(HttpStatusCode.NoContent);

        // The blocker no longer sees the blocked member's content anywhere.
        var list = await _client.ListAsync(blocker, "/api/boards/after-parents/topics?limit=100");
        Assert.DoesNotContain(blockedTopic, list.Ids());
        Assert.Contains(blockersTopic, list.Ids());
        await (await _client.SendAsAsync(blocker, HttpMethod.Get, $"/api/topics/{blockedTopic}")).ShouldBe(HttpStatusCode.NotFound);
        var thread = await _client.GetTopicAsync(blocker, blockersTopic);
        Assert.DoesNotContain(blockedReply, thread.GetProperty("replies").Ids());
        var search = await _client.ListAsync(blocker, "/api/search?q=" + Uri.EscapeDataString("ブロック"));
        Assert.Empty(search.GetProperty("items").EnumerateArray());

        // The blocked member cannot reply to the blocker's topics or react to their posts.
        var reply = await _client.SendAsAsync(blocked, HttpMethod.Post, $"/api/topics/{blockersTopic}/replies", new { body = "まだ返信したい", anonymous = true });
        await reply.ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.SendAsAsync(blocked, HttpMethod.Put, $"/api/posts/{blockersTopic}/reactions/relate")).ShouldBe(HttpStatusCode.Forbidden);

        // Others are unaffected.
        var bystander = await factory.SignUpAsync(_client);
        Assert.Contains(blockedTopic, (await _client.ListAsync(bystander, "/api/boards/after-parents/topics?limit=100")).Ids());
        Assert.Contains(blockedReply, (await _client.GetTopicAsync(bystander, blockersTopic)).GetProperty("replies").Ids());

        // Unblocking brings it back.
        await (await _client.SendAsAsync(blocker, HttpMethod.Delete, $"/api/me/blocks/{blocked.Id}")).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(blocker, HttpMethod.Get, $"/api/topics/{blockedTopic}")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unanswered_lists_topics_with_no_reply_but_the_authors_own_and_tags_filter()
    {
        var author = await factory.SignUpAsync(_client, positions: ["spouse"]);
        var other = await factory.SignUpAsync(_client, positions: ["partner"]);
        var selfAnswered = await _client.CreateTopicAsync(author, board: "spouses-partners", tags: ["money"]);
        await _client.ReplyAsync(author, selfAnswered, "追記です");
        var answered = await _client.CreateTopicAsync(author, board: "spouses-partners", tags: ["work-balance"]);
        await _client.ReplyAsync(other, answered);

        var unanswered = (await _client.ListAsync(other, "/api/boards/spouses-partners/topics?unanswered=true&limit=100")).Ids();
        Assert.Contains(selfAnswered, unanswered);
        Assert.DoesNotContain(answered, unanswered);

        var money = (await _client.ListAsync(other, "/api/boards/spouses-partners/topics?tag=money&limit=100")).Ids();
        Assert.Contains(selfAnswered, money);
        Assert.DoesNotContain(answered, money);
        var byName = (await _client.ListAsync(other, "/api/boards/spouses-partners/topics?tag=" + Uri.EscapeDataString("仕事との両立"))).Ids();
        Assert.Equal([answered], byName);
    }

    /// <summary>「まだ返信のない相談」 leaves out the author's own replies only when both posts carry a name (then everyone
    /// sees who wrote them anyway). When either is anonymous, the reply counts as an answer whoever wrote it: otherwise a
    /// named topic that stays unanswered after an anonymous reply says the reply is its author's, and an anonymous topic
    /// that stays unanswered after a named reply names its author (docs/adr/0041). Checked on the increment of a new reply
    /// and on the recount after another reply is deleted.</summary>
    [Fact]
    public async Task Whether_a_topic_is_unanswered_never_tells_who_wrote_an_anonymous_post()
    {
        var author = await factory.SignUpAsync(_client, positions: ["sibling"]);
        var other = await factory.SignUpAsync(_client, positions: ["sibling"]);
        var reader = await factory.SignUpAsync(_client, positions: ["sibling"]);
        const string board = "siblings";

        // For each case, one topic where the author replied and one where someone else did, alike in every other way.
        var cases = new List<(string Name, Guid ByAuthor, Guid ByOther)>();
        foreach (var (topicAnonymous, replyAnonymous) in new[] { (false, true), (true, false), (true, true) })
        {
            var byAuthor = await _client.CreateTopicAsync(author, board: board, anonymous: topicAnonymous);
            await _client.ReplyAsync(author, byAuthor, "ありがとうございます。少し落ち着きました。", anonymous: replyAnonymous);
            var byOther = await _client.CreateTopicAsync(author, board: board, anonymous: topicAnonymous);
            await _client.ReplyAsync(other, byOther, "ありがとうございます。少し落ち着きました。", anonymous: replyAnonymous);
            cases.Add(($"topic anonymous {topicAnonymous}, reply anonymous {replyAnonymous}", byAuthor, byOther));
        }

        var unanswered = (await _client.ListAsync(reader, $"/api/boards/{board}/topics?unanswered=true&limit=100")).Ids();
        foreach (var (name, byAuthor, byOther) in cases)
        {
            Assert.False(unanswered.Contains(byAuthor), name);
            Assert.False(unanswered.Contains(byOther), name);
        }

        // The recount (after another reply is deleted) counts the same way as the increment.
        var recounted = await _client.CreateTopicAsync(author, board: board, anonymous: true);
        await _client.ReplyAsync(author, recounted, "補足です。", anonymous: true);
        var deleted = await _client.ReplyAsync(other, recounted, "大丈夫ですよ。");
        await (await _client.SendAsAsync(other, HttpMethod.Delete, $"/api/replies/{deleted}")).ShouldBe(HttpStatusCode.NoContent);
        Assert.DoesNotContain(recounted, (await _client.ListAsync(reader, $"/api/boards/{board}/topics?unanswered=true&limit=100")).Ids());

        // Both named: the author's own reply is not an answer, as before.
        var named = await _client.CreateTopicAsync(author, board: board);
        await _client.ReplyAsync(author, named, "追記です");
        Assert.Contains(named, (await _client.ListAsync(reader, $"/api/boards/{board}/topics?unanswered=true&limit=100")).Ids());
    }

    [Fact]
    public async Task Pages_have_no_duplicates_or_gaps_while_new_topics_arrive()
    {
        var author = await factory.SignUpAsync(_client, positions: ["child"]);
        var reader = await factory.SignUpAsync(_client, positions: ["child"]);
        var created = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            created.Add(await _client.CreateTopicAsync(author, board: "children", title: $"相談{i}"));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        var page = 0;
        do
        {
            var url = "/api/boards/children/topics?limit=3" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            var result = await _client.ListAsync(reader, url);
            seen.AddRange(result.Ids());
            cursor = result.GetProperty("nextCursor").GetString();
            if (page++ == 0)
            {
                // Newer topics arrive while the reader is on page 1.
                await _client.CreateTopicAsync(author, board: "children", title: "新着1");
                await _client.CreateTopicAsync(author, board: "children", title: "新着2");
            }
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(created.AsEnumerable().Reverse(), seen.Where(created.Contains));
    }

    [Fact]
    public async Task Replies_after_my_last_read_count_as_unread_and_a_topic_moves_up_with_activity()
    {
        var author = await factory.SignUpAsync(_client);
        var replier = await factory.SignUpAsync(_client);
        var older = await _client.CreateTopicAsync(author, title: "古い相談");
        var newer = await _client.CreateTopicAsync(author, title: "新しい相談");

        await (await _client.SendAsAsync(author, HttpMethod.Put, $"/api/topics/{older}/read")).ShouldBe(HttpStatusCode.NoContent);
        var before = await _client.ListAsync(author, "/api/me/topics");
        Assert.Equal(newer, before.Ids()[0]);
        Assert.Equal(0, Item(before, older).GetProperty("unreadReplies").GetInt32());
        Assert.Equal(JsonValueKind.Null, Item(before, newer).GetProperty("unreadReplies").ValueKind);

        await _client.ReplyAsync(replier, older);
        await _client.ReplyAsync(replier, older, "もう一言");

        var after = await _client.ListAsync(author, "/api/me/topics");
        Assert.Equal(older, after.Ids()[0]);
        Assert.Equal(2, Item(after, older).GetProperty("unreadReplies").GetInt32());
        Assert.Equal(2, Item(after, older).GetProperty("replyCount").GetInt32());

        await (await _client.SendAsAsync(author, HttpMethod.Put, $"/api/topics/{older}/read")).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal(0, Item(await _client.ListAsync(author, "/api/me/topics"), older).GetProperty("unreadReplies").GetInt32());
    }

    /// <summary>The unread count stops at a badge's worth (<c>99+</c>), so that a list costs the same however long its
    /// threads have grown since the viewer last read them (issue 15).</summary>
    [Fact]
    public async Task The_unread_count_stops_at_its_cap()
    {
        var author = await factory.SignUpAsync(_client);
        var replier = await factory.SignUpAsync(_client);
        var topic = await _client.CreateTopicAsync(author);
        await (await _client.SendAsAsync(author, HttpMethod.Put, $"/api/topics/{topic}/read")).ShouldBe(HttpStatusCode.NoContent);

        for (var i = 0; i < TopicSummaryDto.UnreadRepliesCap + 5; i++)
        {
            await _client.ReplyAsync(replier, topic, $"返信 {i}");
        }

        var item = Item(await _client.ListAsync(author, "/api/me/topics"), topic);
        Assert.Equal(TopicSummaryDto.UnreadRepliesCap, item.GetProperty("unreadReplies").GetInt32());
        Assert.Equal(TopicSummaryDto.UnreadRepliesCap + 5, item.GetProperty("replyCount").GetInt32());
    }

    [Fact]
    public async Task Reactions_are_idempotent_and_counted_per_kind()
    {
        var author = await factory.SignUpAsync(_client);
        var a = await factory.SignUpAsync(_client);
        var b = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author);
        var replyId = await _client.ReplyAsync(a, topicId);

        await _client.SendAsAsync(a, HttpMethod.Put, $"/api/posts/{topicId}/reactions/relate");
        await _client.SendAsAsync(a, HttpMethod.Put, $"/api/posts/{topicId}/reactions/relate");
        await _client.SendAsAsync(a, HttpMethod.Put, $"/api/posts/{topicId}/reactions/thanks");
        var counts = await (await _client.SendAsAsync(b, HttpMethod.Put, $"/api/posts/{topicId}/reactions/relate")).JsonAsync();
        Assert.Equal(2, counts.GetProperty("relate").GetInt32());
        Assert.Equal(1, counts.GetProperty("thanks").GetInt32());
        Assert.Equal(0, counts.GetProperty("support").GetInt32());

        var removed = await (await _client.SendAsAsync(a, HttpMethod.Delete, $"/api/posts/{topicId}/reactions/relate")).JsonAsync();
        Assert.Equal(1, removed.GetProperty("relate").GetInt32());
        await (await _client.SendAsAsync(a, HttpMethod.Delete, $"/api/posts/{topicId}/reactions/relate")).ShouldBe(HttpStatusCode.OK);

        await (await _client.SendAsAsync(author, HttpMethod.Put, $"/api/posts/{replyId}/reactions/thanks")).ShouldBe(HttpStatusCode.OK);
        var view = await _client.GetTopicAsync(a, topicId);
        Assert.Equal(["thanks"], view.GetProperty("myReactions").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal(1, view.GetProperty("replies").GetProperty("items")[0].GetProperty("reactionCounts").GetProperty("thanks").GetInt32());
    }

    [Fact]
    public async Task Concurrent_reactions_and_replies_keep_exact_counts()
    {
        var author = await factory.SignUpAsync(_client);
        var members = new List<TestMember>();
        for (var i = 0; i < 8; i++)
        {
            members.Add(await factory.SignUpAsync(_client));
        }

        var topicId = await _client.CreateTopicAsync(author);
        var responses = await Task.WhenAll(members.SelectMany(m => new[]
        {
            _client.SendAsAsync(m, HttpMethod.Put, $"/api/posts/{topicId}/reactions/support"),
            _client.SendAsAsync(m, HttpMethod.Put, $"/api/posts/{topicId}/reactions/support"),
            _client.SendAsAsync(m, HttpMethod.Post, $"/api/topics/{topicId}/replies", new { body = "応援しています", anonymous = true }),
        }));
        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}"));

        var view = await _client.GetTopicAsync(author, topicId, "?limit=100");
        Assert.Equal(8, view.GetProperty("reactionCounts").GetProperty("support").GetInt32());
        Assert.Equal(8, view.GetProperty("replyCount").GetInt32());
        Assert.Equal(8, view.GetProperty("replies").GetProperty("items").GetArrayLength());
        var newestReply = view.GetProperty("replies").GetProperty("items").EnumerateArray().Max(r => r.GetProperty("createdAt").GetDateTime());
        Assert.Equal(newestReply, view.GetProperty("lastActivityAt").GetDateTime());

        // One grouped notice for the day, counting everyone (concurrent first reactions must not collide on it).
        var notices = (await _client.ListAsync(author, "/api/notifications?limit=100")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == "reactions").ToList();
        var grouped = Assert.Single(notices);
        Assert.Contains("8人", grouped.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Following_bookmarks_and_my_own_posts_are_listed()
    {
        var author = await factory.SignUpAsync(_client);
        var reader = await factory.SignUpAsync(_client);
        var first = await _client.CreateTopicAsync(author, title: "一つ目");
        var second = await _client.CreateTopicAsync(author, title: "二つ目");

        await (await _client.SendAsAsync(reader, HttpMethod.Put, $"/api/topics/{first}/follow")).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(reader, HttpMethod.Put, $"/api/topics/{first}/follow")).ShouldBe(HttpStatusCode.NoContent);
        Assert.True((await _client.GetTopicAsync(reader, first)).GetProperty("isFollowing").GetBoolean());
        await (await _client.SendAsAsync(reader, HttpMethod.Delete, $"/api/topics/{first}/follow")).ShouldBe(HttpStatusCode.NoContent);
        Assert.False((await _client.GetTopicAsync(reader, first)).GetProperty("isFollowing").GetBoolean());

        await _client.SendAsAsync(reader, HttpMethod.Put, $"/api/topics/{first}/bookmark");
        await _client.SendAsAsync(reader, HttpMethod.Put, $"/api/topics/{second}/bookmark");
        await _client.SendAsAsync(reader, HttpMethod.Put, $"/api/topics/{second}/bookmark");
        Assert.Equal([second, first], (await _client.ListAsync(reader, "/api/me/bookmarks")).Ids());
        await _client.SendAsAsync(reader, HttpMethod.Delete, $"/api/topics/{second}/bookmark");
        Assert.Equal([first], (await _client.ListAsync(reader, "/api/me/bookmarks")).Ids());

        var replyId = await _client.ReplyAsync(reader, second, "私の返信");
        var myReplies = await _client.ListAsync(reader, "/api/me/replies");
        var mine = Assert.Single(myReplies.GetProperty("items").EnumerateArray());
        Assert.Equal(replyId, mine.GetProperty("id").GetGuid());
        Assert.Equal("二つ目", mine.GetProperty("topicTitle").GetString());
        Assert.Equal([second, first], (await _client.ListAsync(author, "/api/me/topics")).Ids());
    }

    [Fact]
    public async Task Leaving_with_anonymize_keeps_posts_under_a_departed_name_and_with_delete_removes_them()
    {
        var keeper = await factory.SignUpAsync(_client);
        var eraser = await factory.SignUpAsync(_client);
        var reader = await factory.SignUpAsync(_client);
        var kept = await _client.CreateTopicAsync(keeper, title: "残す相談", body: "この経験が誰かの役に立てば");
        var erased = await _client.CreateTopicAsync(eraser, title: "消す相談", body: "消してほしい内容");
        var keptReply = await _client.ReplyAsync(keeper, erased, "残す返信");
        var erasedReply = await _client.ReplyAsync(eraser, kept, "消える返信");
        await _client.SendAsAsync(eraser, HttpMethod.Put, $"/api/posts/{kept}/reactions/relate");

        await (await _client.SendAsAsync(keeper, HttpMethod.Delete, "/api/me", new { password = keeper.Password, contentHandling = "anonymize" })).ShouldBe(HttpStatusCode.Accepted);
        await (await _client.SendAsAsync(eraser, HttpMethod.Delete, "/api/me", new { password = eraser.Password, contentHandling = "delete" })).ShouldBe(HttpStatusCode.Accepted);

        var keptView = await _client.GetTopicAsync(reader, kept);
        Assert.Equal("退会したメンバー", keptView.GetProperty("author").GetProperty("nickname").GetString());
        Assert.True(keptView.GetProperty("author").GetProperty("departed").GetBoolean());
        Assert.False(keptView.GetProperty("author").TryGetProperty("id", out _));
        Assert.Equal("この経験が誰かの役に立てば", keptView.GetProperty("body").GetString());
        Assert.Equal(0, keptView.GetProperty("reactionCounts").GetProperty("relate").GetInt32());
        var gone = keptView.GetProperty("replies").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == erasedReply);
        Assert.True(gone.GetProperty("deleted").GetBoolean());
        Assert.Equal(0, keptView.GetProperty("replyCount").GetInt32());

        await (await _client.SendAsAsync(reader, HttpMethod.Get, $"/api/topics/{erased}")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Empty((await _client.ListAsync(reader, "/api/search?q=" + Uri.EscapeDataString("消してほしい"))).GetProperty("items").EnumerateArray());
        var erasedRow = await factory.WithDbAsync(db => db.Topics.FindAsync(erased).AsTask());
        Assert.Equal(string.Empty, erasedRow!.Body);
        Assert.NotEqual(Guid.Empty, keptReply);
    }

    [Fact]
    public async Task The_export_includes_what_the_member_wrote_and_reacted_to()
    {
        var member = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(member, title: "書き出しの確認", anonymous: true);
        var replyId = await _client.ReplyAsync(member, topicId, "自分への返信");
        await _client.SendAsAsync(member, HttpMethod.Put, $"/api/posts/{topicId}/bookmark".Replace("posts", "topics", StringComparison.Ordinal));
        await _client.SendAsAsync(member, HttpMethod.Put, $"/api/posts/{replyId}/reactions/thanks");

        var export = await _client.ListAsync(member, "/api/me/export");
        var section = export.GetProperty("sections").GetProperty("consultations");
        Assert.Equal("書き出しの確認", section.GetProperty("topics")[0].GetProperty("title").GetString());
        Assert.True(section.GetProperty("topics")[0].GetProperty("anonymous").GetBoolean());
        Assert.Equal("自分への返信", section.GetProperty("replies")[0].GetProperty("body").GetString());
        Assert.Equal("thanks", section.GetProperty("reactions")[0].GetProperty("kind").GetString());
        Assert.Equal(topicId, section.GetProperty("follows")[0].GetProperty("topicId").GetGuid());
        Assert.Equal(topicId, section.GetProperty("bookmarks")[0].GetProperty("topicId").GetGuid());
    }

    private static JsonElement Item(JsonElement page, Guid id) =>
        page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
}
