using System.Net;
using System.Text.Json;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Consultations;

public sealed class TopicTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Boards_and_tags_are_listed_in_order_with_audience_and_topic_counts()
    {
        var member = await factory.SignUpAsync(_client);
        await _client.CreateTopicAsync(member, board: "first-episode");

        var boards = (await _client.ListAsync(member, "/api/boards")).EnumerateArray().ToList();
        Assert.Equal("parents", boards[0].GetProperty("slug").GetString());
        Assert.Equal("親の立場", boards[0].GetProperty("name").GetString());
        Assert.Equal(["parent"], boards[0].GetProperty("audience").EnumerateArray().Select(a => a.GetString()!).ToArray());
        var firstEpisode = boards.Single(b => b.GetProperty("slug").GetString() == "first-episode");
        Assert.Equal(0, firstEpisode.GetProperty("audience").GetArrayLength());
        Assert.True(firstEpisode.GetProperty("topicCount").GetInt32() >= 1);
        Assert.False(boards.Single(b => b.GetProperty("slug").GetString() == "monologue").GetProperty("repliesWelcomeByDefault").GetBoolean());

        var tags = (await _client.ListAsync(member, "/api/tags")).EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("接し方", tags);
        Assert.Contains("親亡き後", tags);
    }

    [Fact]
    public async Task A_topics_tags_come_in_the_tags_display_order_in_lists_and_in_the_view()
    {
        var member = await factory.SignUpAsync(_client);
        var order = (await _client.ListAsync(member, "/api/tags")).EnumerateArray().Select(t => t.GetProperty("slug").GetString()!).ToList();
        Assert.All(order, slug => Assert.Matches("^[a-z0-9-]+$", slug)); // ConsultationViews.TagSeparator never occurs in one
        string[] given = [order[5], order[0], order[3]];
        var tagged = await _client.CreateTopicAsync(member, board: "chat", tags: given);
        var untagged = await _client.CreateTopicAsync(member, board: "chat");

        string[] expected = [order[0], order[3], order[5]];
        var items = (await _client.ListAsync(member, "/api/boards/chat/topics?limit=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expected, Slugs(items.Single(i => i.GetProperty("id").GetGuid() == tagged)));
        Assert.Empty(Slugs(items.Single(i => i.GetProperty("id").GetGuid() == untagged)));
        Assert.Equal(expected, Slugs(await _client.GetTopicAsync(member, tagged)));
        Assert.Empty(Slugs(await _client.GetTopicAsync(member, untagged)));
        var mine = (await _client.ListAsync(member, "/api/me/topics")).GetProperty("items").EnumerateArray();
        Assert.Equal(expected, Slugs(mine.Single(i => i.GetProperty("id").GetGuid() == tagged)));

        static string[] Slugs(JsonElement topic) => topic.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray();
    }

    [Fact]
    public async Task My_reactions_to_a_topic_and_to_its_replies_come_back_each_kind_on_its_own()
    {
        // The view reads them as one number with a bit per kind (ConsultationViews.ReactionBit): a kind added to the
        // domain needs a bit of its own there, and here.
        Assert.Equal(3, Enum.GetValues<Salon.Domain.Consultations.ReactionKind>().Length);
        var author = await factory.SignUpAsync(_client);
        var reader = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author);
        var first = await _client.ReplyAsync(author, topicId);
        var second = await _client.ReplyAsync(author, topicId);
        foreach (var (post, kind) in new[] { (topicId, "relate"), (topicId, "support"), (first, "thanks"), (second, "relate"), (second, "thanks"), (second, "support") })
        {
            await (await _client.SendAsAsync(reader, HttpMethod.Put, $"/api/posts/{post}/reactions/{kind}")).ShouldBe(HttpStatusCode.OK);
        }

        var view = await _client.GetTopicAsync(reader, topicId);
        Assert.Equal(["relate", "support"], Mine(view));
        var replies = view.GetProperty("replies").GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetGuid());
        Assert.Equal(["thanks"], Mine(replies[first]));
        Assert.Equal(["relate", "thanks", "support"], Mine(replies[second]));

        var authorsView = await _client.GetTopicAsync(author, topicId);
        Assert.Empty(Mine(authorsView));
        Assert.All(authorsView.GetProperty("replies").GetProperty("items").EnumerateArray(), r => Assert.Empty(Mine(r)));

        static string[] Mine(JsonElement post) => post.GetProperty("myReactions").EnumerateArray().Select(k => k.GetString()!).ToArray();
    }

    [Fact]
    public async Task A_topic_is_read_with_its_replies_reactions_and_my_follow_and_bookmark_state()
    {
        var author = await factory.SignUpAsync(_client, positions: ["sibling"]);
        var reader = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author, board: "siblings", title: "兄のこと", tags: ["communication", "医療・服薬"], contentWarning: "入院の話");
        var replyId = await _client.ReplyAsync(reader, topicId);
        await (await _client.SendAsAsync(reader, HttpMethod.Put, $"/api/posts/{topicId}/reactions/relate")).ShouldBe(HttpStatusCode.OK);
        await (await _client.SendAsAsync(reader, HttpMethod.Put, $"/api/topics/{topicId}/bookmark")).ShouldBe(HttpStatusCode.NoContent);

        var view = await _client.GetTopicAsync(reader, topicId);

        Assert.Equal("兄のこと", view.GetProperty("title").GetString());
        Assert.Equal("siblings", view.GetProperty("board").GetProperty("slug").GetString());
        Assert.Equal("入院の話", view.GetProperty("contentWarning").GetString());
        Assert.Equal(["communication", "medical"], view.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).Order().ToArray());
        Assert.Equal(author.Nickname, view.GetProperty("author").GetProperty("nickname").GetString());
        Assert.Equal(author.Id, view.GetProperty("author").GetProperty("id").GetGuid());
        Assert.False(view.GetProperty("isMine").GetBoolean());
        Assert.Equal(1, view.GetProperty("reactionCounts").GetProperty("relate").GetInt32());
        Assert.Equal(["relate"], view.GetProperty("myReactions").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.True(view.GetProperty("isFollowing").GetBoolean()); // repliers follow
        Assert.True(view.GetProperty("isBookmarked").GetBoolean());
        Assert.Equal(1, view.GetProperty("replyCount").GetInt32());
        var reply = view.GetProperty("replies").GetProperty("items")[0];
        Assert.Equal(replyId, reply.GetProperty("id").GetGuid());
        Assert.True(reply.GetProperty("isMine").GetBoolean());

        var authorView = await _client.GetTopicAsync(author, topicId);
        Assert.True(authorView.GetProperty("isMine").GetBoolean());
        Assert.True(authorView.GetProperty("isFollowing").GetBoolean()); // authors follow their topics
        Assert.Empty(authorView.GetProperty("myReactions").EnumerateArray());
    }

    [Fact]
    public async Task An_anonymous_authors_id_appears_in_no_response_another_member_sees()
    {
        var author = await factory.SignUpAsync(_client);
        var other = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author, title: "誰にも言えないこと", body: "母が自殺未遂をしました。誰にも言えません。", anonymous: true);
        var otherTopic = await _client.CreateTopicAsync(other);
        await _client.ReplyAsync(author, otherTopic, "匿名で返信します。つらかったですね。", anonymous: true);
        await _client.ReplyAsync(other, topicId);

        var urls = new[]
        {
            $"/api/topics/{topicId}", $"/api/topics/{otherTopic}", "/api/boards/chat/topics", "/api/boards/chat/topics?unanswered=true",
            "/api/search?q=" + Uri.EscapeDataString("誰にも言えない"), "/api/search?q=" + Uri.EscapeDataString("匿名で返信"),
        };
        foreach (var url in urls)
        {
            var response = await _client.SendAsAsync(other, HttpMethod.Get, url);
            await response.ShouldBe(HttpStatusCode.OK);
            var raw = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(author.Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(author.Nickname, raw, StringComparison.Ordinal);
        }

        var view = await _client.GetTopicAsync(other, topicId);
        var shown = view.GetProperty("author");
        Assert.Equal("匿名さん", shown.GetProperty("nickname").GetString());
        Assert.True(shown.GetProperty("anonymous").GetBoolean());
        Assert.False(shown.TryGetProperty("id", out _));

        // The author sees their own post as theirs.
        var mine = await _client.GetTopicAsync(author, topicId);
        Assert.True(mine.GetProperty("isMine").GetBoolean());
        Assert.Equal(author.Id, mine.GetProperty("author").GetProperty("id").GetGuid());
        Assert.True(mine.GetProperty("author").GetProperty("anonymous").GetBoolean());
    }

    [Fact]
    public async Task A_monologue_takes_reactions_but_not_replies()
    {
        var author = await factory.SignUpAsync(_client);
        var other = await factory.SignUpAsync(_client);
        var onMonologueBoard = await _client.CreateTopicAsync(author, board: "monologue", title: "ひとりごと");
        var explicitOnly = await _client.CreateTopicAsync(author, repliesWelcome: false);

        foreach (var topicId in new[] { onMonologueBoard, explicitOnly })
        {
            var reply = await _client.SendAsAsync(other, HttpMethod.Post, $"/api/topics/{topicId}/replies", new { body = "返信してもいいですか", anonymous = false });
            await reply.ShouldBe(HttpStatusCode.Conflict);
            Assert.Equal("replies-not-welcome", (await reply.JsonAsync()).GetProperty("code").GetString());
            await (await _client.SendAsAsync(other, HttpMethod.Put, $"/api/posts/{topicId}/reactions/support")).ShouldBe(HttpStatusCode.OK);
        }

        Assert.False((await _client.GetTopicAsync(other, onMonologueBoard)).GetProperty("repliesWelcome").GetBoolean());
    }

    [Fact]
    public async Task A_closed_topic_takes_no_more_replies_until_reopened()
    {
        var author = await factory.SignUpAsync(_client);
        var other = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author);
        var closed = await _client.SendAsAsync(author, HttpMethod.Patch, $"/api/topics/{topicId}", new { isClosed = true });
        await closed.ShouldBe(HttpStatusCode.OK);
        Assert.True((await closed.JsonAsync()).GetProperty("isClosed").GetBoolean());

        var reply = await _client.SendAsAsync(other, HttpMethod.Post, $"/api/topics/{topicId}/replies", new { body = "遅れてすみません", anonymous = false });
        await reply.ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("topic-closed", (await reply.JsonAsync()).GetProperty("code").GetString());

        await (await _client.SendAsAsync(author, HttpMethod.Patch, $"/api/topics/{topicId}", new { isClosed = false })).ShouldBe(HttpStatusCode.OK);
        await _client.ReplyAsync(other, topicId);
    }

    [Fact]
    public async Task Patching_a_topic_takes_isClosed_as_its_responses_name_it_and_refuses_the_old_closed()
    {
        var author = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author);

        var old = await _client.SendAsAsync(author, HttpMethod.Patch, $"/api/topics/{topicId}", new { closed = true });
        await old.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await old.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("closed", out _), problem.ToString());
        Assert.False((await _client.GetTopicAsync(author, topicId)).GetProperty("isClosed").GetBoolean());

        await (await _client.SendAsAsync(author, HttpMethod.Patch, $"/api/topics/{topicId}", new { isClosed = true })).ShouldBe(HttpStatusCode.OK);
        Assert.True((await _client.GetTopicAsync(author, topicId)).GetProperty("isClosed").GetBoolean());
    }

    /// <summary>Whether a post carries the member's nickname is never decided by a field left out (ADR 0048): a topic or
    /// a reply that does not say <c>anonymous</c> is 400 naming it, where it used to go out under the nickname — a client
    /// that forgot the field named its members, and under their own anonymous consultation named its author. Nothing is
    /// stored: the member's lists stay empty.</summary>
    [Fact]
    public async Task A_topic_or_reply_that_does_not_say_whether_it_is_anonymous_is_400_not_a_named_post()
    {
        var member = await factory.SignUpAsync(_client);
        var author = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author, anonymous: true);

        foreach (var (url, body) in new (string, object)[]
        {
            ("/api/topics", new { boardSlug = "chat", title = "名前のこと", body = "どちらか言わずに送ります。" }),
            ("/api/topics", new { boardSlug = "chat", title = "名前のこと", body = "どちらか言わずに送ります。", anonymous = (bool?)null }),
            ($"/api/topics/{topicId}/replies", new { body = "どちらか言わずに送ります。" }),
        })
        {
            var response = await _client.SendAsAsync(member, HttpMethod.Post, url, body);
            await response.ShouldBe(HttpStatusCode.BadRequest);
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("anonymous", out _), url);
        }

        var ownReply = await _client.SendAsAsync(author, HttpMethod.Post, $"/api/topics/{topicId}/replies", new { body = "追記です。" });
        await ownReply.ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal(0, (await _client.ListAsync(member, "/api/me/topics")).GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await _client.ListAsync(member, "/api/me/replies")).GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await _client.GetTopicAsync(author, topicId)).GetProperty("replyCount").GetInt32());
    }

    [Fact]
    public async Task Posting_checks_the_board_its_audience_tags_and_lengths()
    {
        var sibling = await factory.SignUpAsync(_client, positions: ["sibling"]);

        var wrongAudience = await _client.SendAsAsync(sibling, HttpMethod.Post, "/api/topics", new { boardSlug = "parents", title = "t", body = "b", anonymous = false });
        await wrongAudience.ShouldBe(HttpStatusCode.Forbidden);

        var noBoard = await _client.SendAsAsync(sibling, HttpMethod.Post, "/api/topics", new { boardSlug = "nowhere", title = "t", body = "b", anonymous = false });
        await noBoard.ShouldBe(HttpStatusCode.NotFound);

        var badTag = await _client.SendAsAsync(sibling, HttpMethod.Post, "/api/topics", new { boardSlug = "chat", title = "t", body = "b", tags = new[] { "no-such-tag" }, anonymous = false });
        await badTag.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await badTag.JsonAsync()).GetProperty("errors").TryGetProperty("tags", out _));

        var longTitle = await _client.SendAsAsync(sibling, HttpMethod.Post, "/api/topics", new { boardSlug = "chat", title = new string('あ', 101), body = "b", anonymous = false });
        await longTitle.ShouldBe(HttpStatusCode.BadRequest);
        var blankBody = await _client.SendAsAsync(sibling, HttpMethod.Post, "/api/topics", new { boardSlug = "chat", title = "t", body = "   ", anonymous = false });
        await blankBody.ShouldBe(HttpStatusCode.BadRequest);
        var longBody = await _client.SendAsAsync(sibling, HttpMethod.Post, "/api/topics", new { boardSlug = "chat", title = "t", body = new string('あ', 10_001), anonymous = false });
        await longBody.ShouldBe(HttpStatusCode.BadRequest);

        await _client.CreateTopicAsync(sibling, title: "  " + new string('あ', 100) + "  ", body: new string('い', 10_000));
    }

    [Fact]
    public async Task Only_the_author_or_a_moderator_edits_or_deletes_and_edits_are_marked()
    {
        var author = await factory.SignUpAsync(_client);
        var other = await factory.SignUpAsync(_client);
        var moderator = await factory.SignUpAsync(_client);
        await factory.WithDbAsync(async db =>
        {
            var m = await db.Members.FindAsync(moderator.Id);
            m!.SetRoles(Salon.Domain.Common.MemberRoles.Moderator, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var topicId = await _client.CreateTopicAsync(author);

        await (await _client.SendAsAsync(other, HttpMethod.Patch, $"/api/topics/{topicId}", new { title = "乗っ取り" })).ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.SendAsAsync(other, HttpMethod.Delete, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.Forbidden);

        var edit = await _client.SendAsAsync(author, HttpMethod.Patch, $"/api/topics/{topicId}", new { body = "書き直しました。" });
        await edit.ShouldBe(HttpStatusCode.OK);
        var edited = await edit.JsonAsync();
        Assert.Equal("書き直しました。", edited.GetProperty("body").GetString());
        Assert.Equal(JsonValueKind.String, edited.GetProperty("editedAt").ValueKind);

        await (await _client.SendAsAsync(moderator, HttpMethod.Patch, $"/api/topics/{topicId}", new { contentWarning = "自傷の話題" })).ShouldBe(HttpStatusCode.OK);
        await (await _client.SendAsAsync(moderator, HttpMethod.Delete, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(other, HttpMethod.Get, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.NotFound);
        await (await _client.SendAsAsync(author, HttpMethod.Get, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.NotFound);
        await (await _client.SendAsAsync(author, HttpMethod.Delete, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.NoContent);
        Assert.DoesNotContain(topicId, (await _client.ListAsync(other, "/api/boards/chat/topics?limit=100")).Ids());
    }

    [Fact]
    public async Task A_deleted_reply_leaves_a_placeholder_so_the_thread_still_reads()
    {
        var author = await factory.SignUpAsync(_client);
        var first = await factory.SignUpAsync(_client);
        var second = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author);
        var deleted = await _client.ReplyAsync(first, topicId, "消す予定の返信です");
        var kept = await _client.ReplyAsync(second, topicId, "上の方に同意します");

        await (await _client.SendAsAsync(first, HttpMethod.Delete, $"/api/replies/{deleted}")).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(first, HttpMethod.Delete, $"/api/replies/{deleted}")).ShouldBe(HttpStatusCode.NoContent);

        var view = await _client.GetTopicAsync(second, topicId);
        var replies = view.GetProperty("replies").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([deleted, kept], replies.Select(r => r.GetProperty("id").GetGuid()));
        Assert.True(replies[0].GetProperty("deleted").GetBoolean());
        Assert.Equal("この投稿は削除されました", replies[0].GetProperty("body").GetString());
        Assert.Equal(JsonValueKind.Null, replies[0].GetProperty("author").ValueKind);
        Assert.DoesNotContain("消す予定", view.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(1, view.GetProperty("replyCount").GetInt32());

        await (await _client.SendAsAsync(second, HttpMethod.Patch, $"/api/replies/{deleted}", new { body = "復活" })).ShouldBe(HttpStatusCode.NotFound);
        await (await _client.SendAsAsync(second, HttpMethod.Put, $"/api/posts/{deleted}/reactions/thanks")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Editing_a_reply_marks_it_edited_and_only_its_author_may()
    {
        var author = await factory.SignUpAsync(_client);
        var replier = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author);
        var replyId = await _client.ReplyAsync(replier, topicId);

        await (await _client.SendAsAsync(author, HttpMethod.Patch, $"/api/replies/{replyId}", new { body = "書き換え" })).ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.SendAsAsync(replier, HttpMethod.Patch, $"/api/replies/{replyId}", new { body = "言葉を足しました。" })).ShouldBe(HttpStatusCode.NoContent);

        var reply = (await _client.GetTopicAsync(author, topicId)).GetProperty("replies").GetProperty("items")[0];
        Assert.Equal("言葉を足しました。", reply.GetProperty("body").GetString());
        Assert.Equal(JsonValueKind.String, reply.GetProperty("editedAt").ValueKind);
    }

    [Fact]
    public async Task Unknown_topics_and_reaction_kinds_are_refused()
    {
        var member = await factory.SignUpAsync(_client);
        await (await _client.SendAsAsync(member, HttpMethod.Get, $"/api/topics/{Guid.CreateVersion7()}")).ShouldBe(HttpStatusCode.NotFound);
        var topicId = await _client.CreateTopicAsync(member);
        await (await _client.SendAsAsync(member, HttpMethod.Put, $"/api/posts/{topicId}/reactions/dislike")).ShouldBe(HttpStatusCode.BadRequest);
        await (await _client.SendAsAsync(member, HttpMethod.Put, $"/api/posts/{Guid.CreateVersion7()}/reactions/thanks")).ShouldBe(HttpStatusCode.NotFound);
    }
}
