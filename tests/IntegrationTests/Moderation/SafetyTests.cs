using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Salon.Application.Members.CreateAdmin;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Moderation;

public sealed class SafetyTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<TestMember> ModeratorAsync() => factory.SignUpModeratorAsync(_client);

    private async Task<TestMember> AdminAsync()
    {
        var email = ApiClient.UniqueEmail("admin");
        var result = await factory.SendAsync(new CreateAdminCommand(email, "運営" + Guid.NewGuid().ToString("N")[..4], "an admin passphrase"));
        return new TestMember(result.MemberId, email, "an admin passphrase", "admin", await _client.LoginAsync(email, "an admin passphrase"));
    }

    private async Task<List<JsonElement>> QueueAsync(TestMember moderator) =>
        (await _client.ListAsync(moderator, "/api/moderation/queue?limit=100")).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task Crisis_lines_are_served_to_anyone_with_number_hours_and_verification_date()
    {
        var response = await _client.GetAsync("/api/safety/resources");
        await response.ShouldBe(HttpStatusCode.OK);
        var lines = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.Contains(lines, l => l.GetProperty("phone").GetString() == "0570-064-556");
        Assert.Contains(lines, l => l.GetProperty("phone").GetString() == "0120-279-338");
        Assert.All(lines, l =>
        {
            Assert.False(string.IsNullOrEmpty(l.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(l.GetProperty("hours").GetString()));
            Assert.False(string.IsNullOrEmpty(l.GetProperty("lastVerified").GetString()));
            Assert.True(l.GetProperty("needsReverification").GetBoolean());
        });
    }

    [Theory]
    [InlineData("もう死にたい", true)]
    [InlineData("し に た い", true)]
    [InlineData("シニタイ", true)]
    [InlineData("ｼﾆﾀｲ", true)]
    [InlineData("今日は穏やかでした", false)]
    public async Task Drafts_can_be_screened_before_posting(string text, bool crisis)
    {
        var member = await factory.SignUpAsync(_client);
        var response = await _client.SendAsAsync(member, HttpMethod.Post, "/api/safety/screen", new { text });
        await response.ShouldBe(HttpStatusCode.OK);
        var result = await response.JsonAsync();
        Assert.Equal(crisis, result.GetProperty("crisis").GetBoolean());
        Assert.Equal(crisis, result.TryGetProperty("support", out var support) && support.ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public async Task A_crisis_post_is_published_returns_the_crisis_lines_and_opens_a_priority_item()
    {
        var author = await factory.SignUpAsync(_client);
        var moderator = await ModeratorAsync();

        var response = await _client.SendAsAsync(author, HttpMethod.Post, "/api/topics", new { boardSlug = "chat", title = "もう限界", body = "母の介護で疲れて、消えたいと思ってしまう", anonymous = true });

        await response.ShouldBe(HttpStatusCode.Created);
        var created = await response.JsonAsync();
        var support = created.GetProperty("support");
        Assert.Contains(support.GetProperty("resources").EnumerateArray(), r => r.GetProperty("phone").GetString() == "0120-279-338");
        Assert.False(string.IsNullOrEmpty(support.GetProperty("message").GetString()));
        var topicId = created.GetProperty("id").GetGuid();

        var other = await factory.SignUpAsync(_client);
        await (await _client.SendAsAsync(other, HttpMethod.Get, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.OK);

        var item = (await QueueAsync(moderator)).First(i => i.GetProperty("post").ValueKind == JsonValueKind.Object && i.GetProperty("post").GetProperty("id").GetGuid() == topicId);
        Assert.Equal("crisis", item.GetProperty("kind").GetString());
        Assert.True(item.GetProperty("priority").GetBoolean());
        Assert.Contains("消えたい", item.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Moderators see who wrote an anonymous post.
        Assert.Equal(author.Id, item.GetProperty("post").GetProperty("author").GetProperty("id").GetGuid());
        Assert.True(item.GetProperty("post").GetProperty("anonymous").GetBoolean());

        // Replies are screened too.
        var reply = await _client.SendAsAsync(other, HttpMethod.Post, $"/api/topics/{topicId}/replies", new { body = "私もリスカしてしまう夜があります", anonymous = false });
        await reply.ShouldBe(HttpStatusCode.Created);
        Assert.True((await reply.JsonAsync()).TryGetProperty("support", out _));
        var plain = await _client.SendAsAsync(other, HttpMethod.Post, $"/api/topics/{topicId}/replies", new { body = "話してくれてありがとう", anonymous = false });
        Assert.False((await plain.JsonAsync()).TryGetProperty("support", out _));
    }

    [Fact]
    public async Task Only_moderators_see_the_queue_and_only_admins_the_watched_words()
    {
        var member = await factory.SignUpAsync(_client);
        var moderator = await ModeratorAsync();
        await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/moderation/queue")).ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.GetAsync("/api/moderation/queue")).ShouldBe(HttpStatusCode.Unauthorized);
        await (await _client.SendAsAsync(moderator, HttpMethod.Get, "/api/moderation/queue")).ShouldBe(HttpStatusCode.OK);
        await (await _client.SendAsAsync(moderator, HttpMethod.Get, "/api/moderation/watched-words")).ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/moderation/audit")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Three_distinct_reporters_hide_a_post_which_its_author_still_sees_under_review()
    {
        var author = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author, title: "宣伝", body: "このサプリで治ります");
        var reporters = new List<TestMember>();
        for (var i = 0; i < 3; i++)
        {
            reporters.Add(await factory.SignUpAsync(_client));
        }

        var first = await _client.SendAsAsync(reporters[0], HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "medical_misinformation", note = "根拠がない" });
        await first.ShouldBe(HttpStatusCode.Created);
        var again = await _client.SendAsAsync(reporters[0], HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "spam" });
        await again.ShouldBe(HttpStatusCode.Conflict);
        await (await _client.SendAsAsync(reporters[1], HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "spam" })).ShouldBe(HttpStatusCode.Created);

        // Two reports: still visible.
        var bystander = await factory.SignUpAsync(_client);
        await (await _client.SendAsAsync(bystander, HttpMethod.Get, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.OK);

        await (await _client.SendAsAsync(reporters[2], HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "spam" })).ShouldBe(HttpStatusCode.Created);

        await (await _client.SendAsAsync(bystander, HttpMethod.Get, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.NotFound);
        Assert.DoesNotContain(topicId, (await _client.ListAsync(bystander, "/api/boards/chat/topics?limit=100")).Ids());
        var own = await _client.GetTopicAsync(author, topicId);
        Assert.Equal("under_review", own.GetProperty("status").GetString());
        var notice = Assert.Single((await _client.ListAsync(author, "/api/notifications")).GetProperty("items").EnumerateArray());
        Assert.Equal("moderation_hidden", notice.GetProperty("kind").GetString());
        Assert.Equal(topicId, notice.GetProperty("postId").GetGuid());
        foreach (var reporter in reporters)
        {
            Assert.DoesNotContain(reporter.Nickname, notice.GetRawText(), StringComparison.Ordinal);
        }

        var badReason = await _client.SendAsAsync(bystander, HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "dislike" });
        await badReason.ShouldBe(HttpStatusCode.BadRequest);
        var hidden = await _client.SendAsAsync(bystander, HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "spam" });
        await hidden.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_moderators_report_hides_at_once_and_resolving_restores_or_deletes_with_an_audit_trail()
    {
        var author = await factory.SignUpAsync(_client);
        var moderator = await ModeratorAsync();
        var reader = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author, body: "電話番号は090-xxxx です");
        await (await _client.SendAsAsync(moderator, HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "personal_info" })).ShouldBe(HttpStatusCode.Created);
        await (await _client.SendAsAsync(reader, HttpMethod.Get, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.NotFound);

        var item = (await QueueAsync(moderator)).Single(i => i.GetProperty("kind").GetString() == "report" && i.GetProperty("post").GetProperty("id").GetGuid() == topicId);
        var itemId = item.GetProperty("id").GetGuid();
        var report = Assert.Single(item.GetProperty("reports").EnumerateArray());
        Assert.Equal("personal_info", report.GetProperty("reason").GetString());
        await (await _client.SendAsAsync(moderator, HttpMethod.Post, $"/api/moderation/items/{itemId}/resolve", new { action = "restore", note = "番号は架空でした" })).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(reader, HttpMethod.Get, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.OK);
        await (await _client.SendAsAsync(moderator, HttpMethod.Post, $"/api/moderation/items/{itemId}/resolve", new { action = "hide" })).ShouldBe(HttpStatusCode.Conflict);
        var kinds = (await _client.ListAsync(author, "/api/notifications")).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["moderation_restored", "moderation_hidden"], kinds);

        var audit = (await _client.ListAsync(moderator, "/api/moderation/audit")).GetProperty("items").EnumerateArray().ToList();
        var entry = audit.First(e => e.GetProperty("itemId").ValueKind == JsonValueKind.String && e.GetProperty("itemId").GetGuid() == itemId);
        Assert.Equal("resolve:restore", entry.GetProperty("action").GetString());
        Assert.Equal(moderator.Id, entry.GetProperty("actorId").GetGuid());
        Assert.Equal("番号は架空でした", entry.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Warning_an_author_sends_them_a_private_notice()
    {
        var author = await factory.SignUpAsync(_client);
        var moderator = await ModeratorAsync();
        var reporter = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author, body: "きつい言い方をしてしまった投稿");
        await _client.SendAsAsync(reporter, HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "harassment" });
        var itemId = (await QueueAsync(moderator)).Single(i => i.GetProperty("post").GetProperty("id").GetGuid() == topicId).GetProperty("id").GetGuid();

        await (await _client.SendAsAsync(moderator, HttpMethod.Post, $"/api/moderation/items/{itemId}/resolve", new { action = "warn", note = "言葉遣いにご配慮ください" })).ShouldBe(HttpStatusCode.NoContent);

        var notices = await _client.ListAsync(author, "/api/notifications");
        var notice = Assert.Single(notices.GetProperty("items").EnumerateArray());
        Assert.Equal("moderation_warned", notice.GetProperty("kind").GetString());
        Assert.Contains("言葉遣いにご配慮ください", notice.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, notices.GetProperty("unreadCount").GetInt32());
        await (await _client.SendAsAsync(author, HttpMethod.Post, "/api/notifications/read", new { ids = Array.Empty<Guid>() })).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal(1, (await _client.ListAsync(author, "/api/notifications")).GetProperty("unreadCount").GetInt32());
        await (await _client.SendAsAsync(author, HttpMethod.Post, "/api/notifications/read", new { })).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal(0, (await _client.ListAsync(author, "/api/notifications")).GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task Worry_about_a_member_raises_a_priority_item_and_a_caring_notice_at_most_once_a_day_without_naming_anyone()
    {
        var author = await factory.SignUpAsync(_client);
        var moderator = await ModeratorAsync();
        var topicId = await _client.CreateTopicAsync(author, body: "最近眠れず、何もする気が起きません");
        var worried = new List<TestMember> { await factory.SignUpAsync(_client), await factory.SignUpAsync(_client) };
        foreach (var member in worried)
        {
            await (await _client.SendAsAsync(member, HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "worried_about_member" })).ShouldBe(HttpStatusCode.Created);
        }

        var notices = (await _client.ListAsync(author, "/api/notifications")).GetProperty("items").EnumerateArray().ToList();
        var caring = Assert.Single(notices);
        Assert.Equal("caring_notice", caring.GetProperty("kind").GetString());
        var message = caring.GetProperty("message").GetString()!;
        Assert.Contains("0120-279-338", message, StringComparison.Ordinal);
        foreach (var member in worried)
        {
            Assert.DoesNotContain(member.Nickname, message, StringComparison.Ordinal);
            Assert.DoesNotContain(member.Id.ToString(), caring.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }

        // Still visible: worry never hides a post.
        await (await _client.SendAsAsync(worried[0], HttpMethod.Get, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.OK);
        var item = (await QueueAsync(moderator)).Single(i => i.GetProperty("kind").GetString() == "worried_about_member" && i.GetProperty("post").GetProperty("id").GetGuid() == topicId);
        Assert.True(item.GetProperty("priority").GetBoolean());
        Assert.Equal(2, item.GetProperty("reportCount").GetInt32());
    }

    [Fact]
    public async Task Watched_words_block_hold_or_flag_and_a_change_applies_at_once()
    {
        var admin = await AdminAsync();
        var moderator = await ModeratorAsync();
        var author = await factory.SignUpAsync(_client);
        var reader = await factory.SignUpAsync(_client);
        var put = await _client.SendAsAsync(admin, HttpMethod.Put, "/api/moderation/watched-words", new[]
        {
            new { word = "ブロック語", action = "block" },
            new { word = "保留語", action = "hold" },
            new { word = "注意語", action = "flag" },
        });
        await put.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(3, (await put.JsonAsync()).GetArrayLength());

        var blocked = await _client.SendAsAsync(author, HttpMethod.Post, "/api/topics", new { boardSlug = "chat", title = "t", body = "ぶろっく語 を含む", anonymous = false });
        await blocked.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("post-blocked", (await blocked.JsonAsync()).GetProperty("code").GetString());

        var held = await _client.CreateTopicAsync(author, body: "保留語を含む相談");
        await (await _client.SendAsAsync(reader, HttpMethod.Get, $"/api/topics/{held}")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal("under_review", (await _client.GetTopicAsync(author, held)).GetProperty("status").GetString());

        var flagged = await _client.CreateTopicAsync(author, body: "注意語を含む相談");
        await (await _client.SendAsAsync(reader, HttpMethod.Get, $"/api/topics/{flagged}")).ShouldBe(HttpStatusCode.OK);

        var queue = await QueueAsync(moderator);
        Assert.Contains(queue, i => i.GetProperty("kind").GetString() == "held" && i.GetProperty("post").GetProperty("id").GetGuid() == held);
        Assert.Contains(queue, i => i.GetProperty("kind").GetString() == "watched_word" && i.GetProperty("post").GetProperty("id").GetGuid() == flagged);

        // Releasing a held post makes it visible.
        var heldItem = queue.Single(i => i.GetProperty("kind").GetString() == "held" && i.GetProperty("post").GetProperty("id").GetGuid() == held).GetProperty("id").GetGuid();
        await (await _client.SendAsAsync(moderator, HttpMethod.Post, $"/api/moderation/items/{heldItem}/resolve", new { action = "dismiss" })).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(reader, HttpMethod.Get, $"/api/topics/{held}")).ShouldBe(HttpStatusCode.OK);

        // An edit that adds a held word is held too.
        var edited = await _client.CreateTopicAsync(author, body: "ふつうの相談");
        await (await _client.SendAsAsync(author, HttpMethod.Patch, $"/api/topics/{edited}", new { body = "保留語を足しました" })).ShouldBe(HttpStatusCode.OK);
        await (await _client.SendAsAsync(reader, HttpMethod.Get, $"/api/topics/{edited}")).ShouldBe(HttpStatusCode.NotFound);

        await (await _client.SendAsAsync(admin, HttpMethod.Put, "/api/moderation/watched-words", Array.Empty<object>())).ShouldBe(HttpStatusCode.OK);
        await _client.CreateTopicAsync(author, body: "ブロック語 はもう大丈夫");
        Assert.Empty((await _client.ListAsync(admin, "/api/moderation/watched-words")).EnumerateArray());
    }

    /// <summary>A word that folds to combining marks alone (an accent, a voiced-sound mark, the emoji variation
    /// selector U+FE0F) names no letter: as a block word, U+FE0F alone would refuse every post with ❤️ in it.</summary>
    [Theory]
    [InlineData("\u0301")]
    [InlineData(" \u0301\u0308 ")]
    [InlineData("\u200B\u0301")]
    [InlineData("\uFE0F")]
    [InlineData("\u3099")]
    public async Task A_watched_word_of_combining_marks_alone_is_400_with_a_Japanese_message_and_changes_nothing(string word)
    {
        var admin = await AdminAsync();
        var author = await factory.SignUpAsync(_client);
        await (await _client.SendAsAsync(admin, HttpMethod.Put, "/api/moderation/watched-words", new[] { new { word = "保留語", action = "hold" } })).ShouldBe(HttpStatusCode.OK);

        var put = await _client.SendAsAsync(admin, HttpMethod.Put, "/api/moderation/watched-words", new[] { new { word = "保留語", action = "hold" }, new { word, action = "block" } });
        await put.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await put.JsonAsync()).GetProperty("errors");
        var message = errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()!).Single();
        Assert.Matches(@"^[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]", message);

        var words = (await _client.ListAsync(admin, "/api/moderation/watched-words")).EnumerateArray().Select(w => w.GetProperty("word").GetString()).ToList();
        Assert.Equal(["保留語"], words);
        await _client.CreateTopicAsync(author, body: "ありがとう❤️ 絵文字も使えます é");
        await (await _client.SendAsAsync(admin, HttpMethod.Put, "/api/moderation/watched-words", Array.Empty<object>())).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A word is at most 100 characters as written, and the list keeps it folded too (NFKC, so ﷺ is fifteen
    /// letters): a word that folds longer than its column is 400, not a 500 from PostgreSQL's length check.</summary>
    [Fact]
    public async Task A_watched_word_that_folds_longer_than_it_can_be_kept_is_400_and_changes_nothing()
    {
        var admin = await AdminAsync();
        await (await _client.SendAsAsync(admin, HttpMethod.Put, "/api/moderation/watched-words", new[] { new { word = "保留語", action = "hold" } })).ShouldBe(HttpStatusCode.OK);

        var word = string.Concat(Enumerable.Repeat("\uFDFA", 20));
        var put = await _client.SendAsAsync(admin, HttpMethod.Put, "/api/moderation/watched-words", new[] { new { word = "保留語", action = "hold" }, new { word, action = "flag" } });

        await put.ShouldBe(HttpStatusCode.BadRequest);
        var message = (await put.JsonAsync()).GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()!).Single();
        Assert.Matches(@"^[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]", message);
        var words = (await _client.ListAsync(admin, "/api/moderation/watched-words")).EnumerateArray().Select(w => w.GetProperty("word").GetString()).ToList();
        Assert.Equal(["保留語"], words);
        await (await _client.SendAsAsync(admin, HttpMethod.Put, "/api/moderation/watched-words", Array.Empty<object>())).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A post that trips many long watched words is still taken: the queue item names as many of them as its
    /// detail holds (1,000 characters), instead of the post failing with a 500 on PostgreSQL's length check.</summary>
    [Fact]
    public async Task A_post_with_more_watched_words_than_an_item_can_name_is_published_and_queued()
    {
        var admin = await AdminAsync();
        var moderator = await ModeratorAsync();
        var author = await factory.SignUpAsync(_client);
        var words = Enumerable.Range(0, 12).Select(i => "注意語" + (char)('あ' + i) + new string('ね', 90)).ToList();
        await (await _client.SendAsAsync(admin, HttpMethod.Put, "/api/moderation/watched-words", words.Select(word => new { word, action = "flag" }).ToArray())).ShouldBe(HttpStatusCode.OK);

        var topic = await _client.SendAsAsync(author, HttpMethod.Post, "/api/topics", new { boardSlug = "chat", title = "たくさん", body = string.Join("。", words), anonymous = false });

        await topic.ShouldBe(HttpStatusCode.Created);
        var id = (await topic.JsonAsync()).GetProperty("id").GetGuid();
        var item = (await QueueAsync(moderator)).Single(i => i.GetProperty("kind").GetString() == "watched_word" && i.GetProperty("post").GetProperty("id").GetGuid() == id);
        var detail = item.GetProperty("detail").GetString()!;
        Assert.StartsWith(words[0], detail, StringComparison.Ordinal);
        Assert.True(detail.Length <= 1000, $"{detail.Length} characters");
        await (await _client.SendAsAsync(admin, HttpMethod.Put, "/api/moderation/watched-words", Array.Empty<object>())).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Two moderators deciding one item at the same moment (or 問題なし tapped twice): one decision is taken, the
    /// others are told it was already decided (409), as one after the other. Before, each read the item open and every
    /// decision was applied: a hide and a dismiss both "succeeded", the post ended either way, the author was told both,
    /// and the audit log held several decisions for one item.</summary>
    [Fact]
    public async Task One_item_decided_several_times_at_once_takes_one_decision_and_answers_409_to_the_others()
    {
        var moderator = await ModeratorAsync();
        var other = await ModeratorAsync();
        var author = await factory.SignUpAsync(_client);
        var reporter = await factory.SignUpAsync(_client);
        for (var i = 0; i < 3; i++)
        {
            var topicId = await _client.CreateTopicAsync(author, title: $"同時の判断{i}");
            await (await _client.SendAsAsync(reporter, HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "spam" })).ShouldBe(HttpStatusCode.Created);
            var itemId = (await QueueAsync(moderator)).Single(q => q.GetProperty("post").GetProperty("id").GetGuid() == topicId).GetProperty("id").GetGuid();

            var decisions = new[] { (moderator, "hide"), (other, "dismiss"), (moderator, "dismiss"), (other, "warn") };
            var responses = await Task.WhenAll(decisions.Select(d => Task.Run(() => _client.SendAsAsync(d.Item1, HttpMethod.Post, $"/api/moderation/items/{itemId}/resolve", new { action = d.Item2, note = "同時" }))));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.NoContent));
            Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            var audit = (await _client.ListAsync(moderator, "/api/moderation/audit?limit=100")).GetProperty("items").EnumerateArray();
            Assert.Single(audit, e => e.GetProperty("targetId").GetString() == itemId.ToString());
        }
    }

    /// <summary>Saving the watched words twice at once (a double tap on 保存する, two admins) never answers 500: the
    /// second save may find the first one's words already there (the unique folded word), or its rows already gone.</summary>
    [Fact]
    public async Task The_watched_words_saved_twice_at_once_never_fail()
    {
        var admin = await AdminAsync();
        var words = new[] { new { word = "二重保存", action = "hold" }, new { word = "二重保存その二", action = "flag" } };
        for (var i = 0; i < 20; i++)
        {
            await (await _client.SendAsAsync(admin, HttpMethod.Put, "/api/moderation/watched-words", i % 2 == 0 ? Array.Empty<object>() : new[] { new { word = "前の語", action = "flag" } })).ShouldBe(HttpStatusCode.OK);

            var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => _client.SendAsAsync(admin, HttpMethod.Put, "/api/moderation/watched-words", words))));

            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)r.StatusCode}"));
            Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
            var saved = (await _client.ListAsync(admin, "/api/moderation/watched-words")).EnumerateArray().Select(w => w.GetProperty("word").GetString()).Order(StringComparer.Ordinal);
            Assert.Equal(["二重保存", "二重保存その二"], saved);
        }

        await (await _client.SendAsAsync(admin, HttpMethod.Put, "/api/moderation/watched-words", Array.Empty<object>())).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_suspended_member_cannot_sign_in_and_is_told_until_when_and_unsuspending_lets_them_back()
    {
        var member = await factory.SignUpAsync(_client);
        var moderator = await ModeratorAsync();
        var until = DateTime.UtcNow.AddDays(3);

        await (await _client.SendAsAsync(moderator, HttpMethod.Post, $"/api/moderation/members/{member.Id}/suspend", new { until, reason = "繰り返しの攻撃的な投稿" })).ShouldBe(HttpStatusCode.NoContent);

        await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
        var login = await _client.PostAsJsonAsync("/api/auth/login", new { email = member.Email, password = member.Password });
        await login.ShouldBe(HttpStatusCode.Forbidden);
        var problem = await login.JsonAsync();
        Assert.Equal("account-suspended", problem.GetProperty("code").GetString());
        Assert.Equal(until, problem.GetProperty("suspendedUntil").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));

        await (await _client.SendAsAsync(moderator, HttpMethod.Post, $"/api/moderation/members/{member.Id}/unsuspend", new { reason = "解除" })).ShouldBe(HttpStatusCode.NoContent);
        await _client.LoginAsync(member.Email, member.Password);
        var actions = (await _client.ListAsync(moderator, "/api/moderation/audit")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("suspend", actions);
        Assert.Contains("unsuspend", actions);
    }

    [Fact]
    public async Task Leaving_removes_the_members_reports_notices_and_pending_mail_and_the_export_lists_them_before()
    {
        var member = await factory.SignUpAsync(_client);
        var author = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author);
        await (await _client.SendAsAsync(member, HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "other", note = "心配です" })).ShouldBe(HttpStatusCode.Created);
        await factory.WithDbAsync(async db =>
        {
            db.Notifications.Add(Salon.Domain.Notifications.Notification.Create(member.Id, "test", "お知らせ", "notice", null, null, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        var export = (await _client.ListAsync(member, "/api/me/export")).GetProperty("sections");
        Assert.Equal("心配です", export.GetProperty("moderation").GetProperty("reportsFiled")[0].GetProperty("note").GetString());
        Assert.Equal("test", export.GetProperty("notifications").GetProperty("notices")[0].GetProperty("kind").GetString());
        Assert.Equal("weekly", export.GetProperty("notifications").GetProperty("settings").GetProperty("digest").GetProperty("frequency").GetString());

        await (await _client.SendAsAsync(member, HttpMethod.Delete, "/api/me", new { password = member.Password, contentHandling = "delete" })).ShouldBe(HttpStatusCode.Accepted);

        var (reports, notices, mails) = await factory.WithDbAsync(async db => (
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Reports, r => r.ReporterId == member.Id),
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Notifications, n => n.MemberId == member.Id),
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.OutboxEmails, e => e.MemberId == member.Id)));
        Assert.Equal(0, reports);
        Assert.Equal(0, notices);
        Assert.Equal(0, mails);
    }
}
