using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Salon.Application.Members.CreateAdmin;
using Salon.Domain.Common;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Moderation;

/// <summary>Holes a review found; each test fails on the code before its fix.</summary>
public sealed class ReviewRegressionTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<TestMember> WithRolesAsync(MemberRoles roles)
    {
        var member = await factory.SignUpAsync(_client);
        await factory.WithDbAsync(async db =>
        {
            (await db.Members.FindAsync(member.Id))!.SetRoles(roles, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        return member;
    }

    [Fact]
    public async Task Confirming_an_email_change_never_tells_whether_a_guessed_address_is_the_members()
    {
        var member = await factory.SignUpAsync(_client);
        var right = await _client.PostAsJsonAsync("/api/auth/confirm-email-change", new { userId = member.Id, email = member.Email, token = "eA" });
        var wrong = await _client.PostAsJsonAsync("/api/auth/confirm-email-change", new { userId = member.Id, email = "someone-else@example.com", token = "eA" });
        await right.ShouldBe(HttpStatusCode.BadRequest);
        await wrong.ShouldBe(HttpStatusCode.BadRequest);
        var confirmed = await _client.PostAsJsonAsync("/api/auth/confirm-email", new { userId = member.Id, token = "eA" });
        await confirmed.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_block_does_not_reveal_who_wrote_an_anonymous_post()
    {
        var victim = await factory.SignUpAsync(_client);
        var troll = await factory.SignUpAsync(_client);
        await _client.SendAsAsync(victim, HttpMethod.Put, $"/api/me/blocks/{troll.Id}");
        var anonymous = await _client.CreateTopicAsync(victim, anonymous: true);
        var named = await _client.CreateTopicAsync(victim);

        await (await _client.SendAsAsync(troll, HttpMethod.Put, $"/api/posts/{anonymous}/reactions/relate")).ShouldBe(HttpStatusCode.OK);
        await (await _client.SendAsAsync(troll, HttpMethod.Post, $"/api/topics/{anonymous}/replies", new { body = "返信", anonymous = false })).ShouldBe(HttpStatusCode.Created);
        await (await _client.SendAsAsync(troll, HttpMethod.Put, $"/api/posts/{named}/reactions/relate")).ShouldBe(HttpStatusCode.Forbidden);

        // The blocker still does not see the blocked member's reply.
        Assert.Equal(0, (await _client.GetTopicAsync(victim, anonymous)).GetProperty("replies").GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Only_admins_suspend_staff_and_never_the_last_admin()
    {
        var moderator = await WithRolesAsync(MemberRoles.Moderator);
        var otherModerator = await WithRolesAsync(MemberRoles.Moderator);
        var email = ApiClient.UniqueEmail("admin");
        var admin = await factory.SendAsync(new CreateAdminCommand(email, "運営" + Guid.NewGuid().ToString("N")[..4], "an admin passphrase"));
        var adminMember = new TestMember(admin.MemberId, email, "an admin passphrase", "admin", await _client.LoginAsync(email, "an admin passphrase"));

        await (await _client.SendAsAsync(moderator, HttpMethod.Post, $"/api/moderation/members/{adminMember.Id}/suspend", new { reason = "乗っ取り" })).ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.SendAsAsync(moderator, HttpMethod.Post, $"/api/moderation/members/{otherModerator.Id}/suspend", new { reason = "x" })).ShouldBe(HttpStatusCode.Forbidden);
        await _client.LoginAsync(email, "an admin passphrase");
        await (await _client.SendAsAsync(adminMember, HttpMethod.Post, $"/api/moderation/members/{otherModerator.Id}/suspend", new { reason = "権限の乱用" })).ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task After_a_moderator_clears_a_post_one_new_report_does_not_hide_it_again()
    {
        var author = await factory.SignUpAsync(_client);
        var moderator = await WithRolesAsync(MemberRoles.Moderator);
        var reader = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author);
        for (var i = 0; i < 3; i++)
        {
            var reporter = await factory.SignUpAsync(_client);
            await (await _client.SendAsAsync(reporter, HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "spam" })).ShouldBe(HttpStatusCode.Created);
        }

        await (await _client.SendAsAsync(reader, HttpMethod.Get, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.NotFound);
        var item = (await _client.ListAsync(moderator, "/api/moderation/queue?limit=100")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("kind").GetString() == "report" && i.GetProperty("post").GetProperty("id").GetGuid() == topicId);
        await (await _client.SendAsAsync(moderator, HttpMethod.Post, $"/api/moderation/items/{item.GetProperty("id").GetGuid()}/resolve", new { action = "dismiss" })).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(reader, HttpMethod.Get, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.OK);

        var fourth = await factory.SignUpAsync(_client);
        await (await _client.SendAsAsync(fourth, HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "spam" })).ShouldBe(HttpStatusCode.Created);
        await (await _client.SendAsAsync(reader, HttpMethod.Get, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A topic held for review is its author's alone; the author may still reply to it, and that reply must not
    /// tell the topic's followers (who see a 404) its title, nor that anything happened in it.</summary>
    [Fact]
    public async Task A_reply_to_a_held_topic_tells_its_followers_nothing()
    {
        var author = await factory.SignUpAsync(_client);
        var follower = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author, title: "保留される相談のタイトル");
        await (await _client.SendAsAsync(follower, HttpMethod.Put, $"/api/topics/{topicId}/follow")).ShouldBe(HttpStatusCode.NoContent);
        await factory.WithDbAsync(async db =>
        {
            (await db.Topics.FindAsync(topicId))!.SetVisibility(Salon.Domain.Consultations.PostVisibility.Held, null);
            return await db.SaveChangesAsync();
        });
        await (await _client.SendAsAsync(follower, HttpMethod.Get, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.NotFound);

        await _client.ReplyAsync(author, topicId, "自分の相談への補足です");

        // Not even a notice shown as no longer available: no row holds the title, no e-mail goes out, the unread count stays.
        var notices = await _client.ListAsync(follower, "/api/notifications");
        Assert.Empty(notices.GetProperty("items").EnumerateArray());
        Assert.Equal(0, notices.GetProperty("unreadCount").GetInt32());

        // Once restored, replies reach its followers again.
        await factory.WithDbAsync(async db =>
        {
            (await db.Topics.FindAsync(topicId))!.SetVisibility(Salon.Domain.Consultations.PostVisibility.Visible, null);
            return await db.SaveChangesAsync();
        });
        await _client.ReplyAsync(author, topicId, "もう一度補足です");
        var after = (await _client.ListAsync(follower, "/api/notifications")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(after, n => n.GetRawText().Contains(topicId.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_deleted_reply_others_never_saw_leaves_no_placeholder()
    {
        var author = await factory.SignUpAsync(_client);
        var replier = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author);
        var replyId = await _client.ReplyAsync(replier, topicId, "見えない返信");
        await factory.WithDbAsync(async db =>
        {
            (await db.Replies.FindAsync(replyId))!.SetVisibility(Salon.Domain.Consultations.PostVisibility.Held, null);
            return await db.SaveChangesAsync();
        });
        await (await _client.SendAsAsync(replier, HttpMethod.Delete, $"/api/replies/{replyId}")).ShouldBe(HttpStatusCode.NoContent);

        Assert.Equal(0, (await _client.GetTopicAsync(author, topicId)).GetProperty("replies").GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_crafted_cursor_is_a_400_not_a_server_error()
    {
        var member = await factory.SignUpAsync(_client);
        var cursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"9000000000000000000:{Guid.NewGuid():N}"));
        await (await _client.SendAsAsync(member, HttpMethod.Get, $"/api/notifications?cursor={cursor}")).ShouldBe(HttpStatusCode.BadRequest);
        await (await _client.SendAsAsync(member, HttpMethod.Get, $"/api/boards/chat/topics?cursor={cursor}")).ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>A search cursor is five strings (post, kind, topic, ticks, rank); nulls in their place, a rank that is
    /// not a finite number (SQLite cannot bind NaN) and a time no post has (ticks 0 and DateTime.MaxValue, which Npgsql
    /// sends as -infinity and infinity) are a 400, on both orders and both search paths.</summary>
    [Theory]
    [InlineData("[null,null,null,null,null]")]
    [InlineData("[\"00000000000000000000000000000000\",\"0\",\"00000000000000000000000000000000\",\"639000000000000000\",\"NaN\"]")]
    [InlineData("[\"00000000000000000000000000000000\",\"0\",\"00000000000000000000000000000000\",\"639000000000000000\",\"-Infinity\"]")]
    [InlineData("[\"00000000000000000000000000000000\",\"0\",null,\"639000000000000000\",\"0\"]")]
    [InlineData("[\"00000000000000000000000000000000\",\"0\",\"00000000000000000000000000000000\",\"0\",\"0\"]")]
    [InlineData("[\"00000000000000000000000000000000\",\"0\",\"00000000000000000000000000000000\",\"3155378975999999999\",\"0\"]")]
    public async Task A_crafted_search_cursor_is_a_400_not_a_server_error(string parts)
    {
        var member = await factory.SignUpAsync(_client);
        var cursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(parts));
        foreach (var query in new[] { "ていまし", "薬" })
        {
            foreach (var sort in new[] { "newest", "relevance" })
            {
                var url = $"/api/search?q={Uri.EscapeDataString(query)}&sort={sort}&cursor={cursor}";
                await (await _client.SendAsAsync(member, HttpMethod.Get, url)).ShouldBe(HttpStatusCode.BadRequest);
            }
        }
    }

    /// <summary>A cursor dated past the range of SQLite's search keys pages from the newest, as it would with any later
    /// time: every post is older.</summary>
    [Fact]
    public async Task A_search_cursor_dated_far_in_the_future_pages_from_the_newest()
    {
        var member = await factory.SignUpAsync(_client);
        await _client.CreateTopicAsync(member, title: "時の果ての検索", body: "時の果てまで探します");
        // 2^43 ms after 1970 (the year 2248): SQLite's search key of the next millisecond, shifted left by 20 bits, is past a long.
        var last = DateTime.UnixEpoch.AddMilliseconds(1L << 43).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var cursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $"[\"{Guid.Empty:N}\",\"0\",\"{Guid.Empty:N}\",\"{last}\",\"0\"]"));
        var page = await (await _client.SendAsAsync(member, HttpMethod.Get, $"/api/search?q={Uri.EscapeDataString("時の果て")}&cursor={cursor}")).JsonAsync();
        Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Moderators_can_edit_and_delete_posts_others_cannot_see()
    {
        var author = await factory.SignUpAsync(_client);
        var moderator = await WithRolesAsync(MemberRoles.Moderator);
        var topicId = await _client.CreateTopicAsync(author, body: "電話番号 090-0000-0000 に連絡して");
        await (await _client.SendAsAsync(moderator, HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "personal_info" })).ShouldBe(HttpStatusCode.Created);

        await (await _client.SendAsAsync(moderator, HttpMethod.Patch, $"/api/topics/{topicId}", new { body = "（個人情報を削除しました）" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("（個人情報を削除しました）", (await _client.GetTopicAsync(author, topicId)).GetProperty("body").GetString());
        await (await _client.SendAsAsync(moderator, HttpMethod.Delete, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.NoContent);
    }
}
