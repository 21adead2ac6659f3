using System.Text.Json;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;
using Salon.IntegrationTests.Meetings;

namespace Salon.IntegrationTests.Notifications;

public sealed class ReplyNoticeTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<List<JsonElement>> NoticesAsync(TestMember member) =>
        (await _client.ListAsync(member, "/api/notifications")).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task The_author_and_followers_are_told_of_a_reply_but_not_who_wrote_it_and_not_the_replier()
    {
        var author = await factory.SignUpAsync(_client);
        var follower = await factory.SignUpAsync(_client);
        var replier = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author, title: "夜眠れない母のこと");
        await _client.SendAsAsync(follower, HttpMethod.Put, $"/api/topics/{topicId}/follow");

        var replyId = await _client.ReplyAsync(replier, topicId, "匿名で失礼します", anonymous: true);

        var toAuthor = Assert.Single(await NoticesAsync(author));
        Assert.Equal("reply_to_my_topic", toAuthor.GetProperty("kind").GetString());
        Assert.Equal(topicId, toAuthor.GetProperty("topicId").GetGuid());
        Assert.Equal(replyId, toAuthor.GetProperty("postId").GetGuid());
        Assert.Contains("夜眠れない母のこと", toAuthor.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(replier.Nickname, toAuthor.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(replier.Id.ToString(), toAuthor.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var toFollower = Assert.Single(await NoticesAsync(follower));
        Assert.Equal("reply_in_followed_topic", toFollower.GetProperty("kind").GetString());
        Assert.Contains("夜眠れない母のこと", toFollower.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await NoticesAsync(replier));

        // The author's own follow-up tells the follower and the replier (who now follows), not the author.
        await _client.ReplyAsync(author, topicId, "ありがとうございます");
        Assert.Single(await NoticesAsync(author));
        Assert.Equal(2, (await NoticesAsync(follower)).Count);
        Assert.Single(await NoticesAsync(replier));
    }

    [Fact]
    public async Task Nobody_hears_of_a_reply_from_someone_they_blocked()
    {
        var author = await factory.SignUpAsync(_client);
        var blocked = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author, anonymous: true);
        await _client.SendAsAsync(author, HttpMethod.Put, $"/api/me/blocks/{blocked.Id}");

        await _client.ReplyAsync(blocked, topicId);

        Assert.Empty(await NoticesAsync(author));
    }

    [Fact]
    public async Task Notices_about_deleted_or_blocked_content_show_as_unavailable_not_their_old_text()
    {
        var author = await factory.SignUpAsync(_client);
        var replier = await factory.SignUpAsync(_client);
        var other = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author, title: "弟の入院のこと");
        var deleted = await _client.ReplyAsync(replier, topicId, "あとで消す返信");
        var blockedReply = await _client.ReplyAsync(other, topicId, "ブロックされる人の返信");
        var kept = await _client.ReplyAsync(replier, topicId, "残る返信");

        await (await _client.SendAsAsync(replier, HttpMethod.Delete, $"/api/replies/{deleted}")).ShouldBe(System.Net.HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(author, HttpMethod.Put, $"/api/me/blocks/{other.Id}")).ShouldBe(System.Net.HttpStatusCode.NoContent);

        var notices = await NoticesAsync(author);
        var gone = notices.Where(n => !n.GetProperty("available").GetBoolean()).ToList();
        Assert.Equal(2, gone.Count);
        Assert.All(gone, n =>
        {
            Assert.DoesNotContain("弟の入院", n.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, n.GetProperty("postId").ValueKind);
            Assert.Equal(JsonValueKind.Null, n.GetProperty("topicId").ValueKind);
        });
        var available = Assert.Single(notices, n => n.GetProperty("available").GetBoolean());
        Assert.Equal(kept, available.GetProperty("postId").GetGuid());

        // The whole topic deleted: every notice about it is unavailable.
        await (await _client.SendAsAsync(author, HttpMethod.Delete, $"/api/topics/{topicId}")).ShouldBe(System.Net.HttpStatusCode.NoContent);
        Assert.All(await NoticesAsync(replier), n => Assert.False(n.GetProperty("available").GetBoolean()));

        // A deleted announcement too.
        var official = await factory.CreateOfficialAsync(_client);
        var created = await _client.SendAsAsync(official, HttpMethod.Post, "/api/announcements", new { title = "取り消されるお知らせ", body = "本文" });
        var announcementId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        await factory.SendAsync(new Salon.Application.Notifications.DeliverAnnouncementNotices.DeliverAnnouncementNoticesCommand());
        Assert.Contains(await NoticesAsync(other), n => n.GetProperty("kind").GetString() == "announcement_published" && n.GetProperty("available").GetBoolean());
        await (await _client.SendAsAsync(official, HttpMethod.Delete, $"/api/announcements/{announcementId}")).ShouldBe(System.Net.HttpStatusCode.NoContent);
        var withdrawn = Assert.Single(await NoticesAsync(other), n => n.GetProperty("kind").GetString() == "announcement_published");
        Assert.False(withdrawn.GetProperty("available").GetBoolean());
        Assert.DoesNotContain("取り消される", withdrawn.GetRawText(), StringComparison.Ordinal);
    }
}

public sealed class NotificationSettingsTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task New_members_get_sensible_defaults_and_can_change_them()
    {
        var member = await factory.SignUpAsync(_client);

        var defaults = await _client.ListAsync(member, "/api/me/notification-settings");
        var replies = defaults.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "reply_to_my_topic");
        Assert.True(replies.GetProperty("inApp").GetBoolean());
        Assert.Equal("immediate", replies.GetProperty("email").GetString());
        Assert.All(
            defaults.GetProperty("kinds").EnumerateArray().Where(k => k.GetProperty("kind").GetString() != "reply_to_my_topic"),
            k => Assert.Equal("digest", k.GetProperty("email").GetString()));
        Assert.Equal("weekly", defaults.GetProperty("digest").GetProperty("frequency").GetString());

        var put = await _client.SendAsAsync(member, HttpMethod.Put, "/api/me/notification-settings", new
        {
            kinds = new[] { new { kind = "reply_in_followed_topic", inApp = false, email = "off" } },
            digest = new { frequency = "daily", hour = 7 },
        });
        await put.ShouldBe(System.Net.HttpStatusCode.OK);
        var changed = await put.JsonAsync();
        var followed = changed.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "reply_in_followed_topic");
        Assert.False(followed.GetProperty("inApp").GetBoolean());
        Assert.Equal("off", followed.GetProperty("email").GetString());
        Assert.Equal(7, changed.GetProperty("digest").GetProperty("hour").GetInt32());

        var bad = await _client.SendAsAsync(member, HttpMethod.Put, "/api/me/notification-settings", new { kinds = new[] { new { kind = "gossip", inApp = true, email = "always" } } });
        await bad.ShouldBe(System.Net.HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Turning_off_in_app_notices_for_followed_topics_stops_them()
    {
        var author = await factory.SignUpAsync(_client);
        var follower = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author);
        await _client.SendAsAsync(follower, HttpMethod.Put, $"/api/topics/{topicId}/follow");
        await _client.SendAsAsync(follower, HttpMethod.Put, "/api/me/notification-settings", new { kinds = new[] { new { kind = "reply_in_followed_topic", inApp = false, email = "digest" } } });

        var replier = await factory.SignUpAsync(_client);
        await _client.ReplyAsync(replier, topicId);

        Assert.Empty((await _client.ListAsync(follower, "/api/notifications")).GetProperty("items").EnumerateArray());
        Assert.Single((await _client.ListAsync(author, "/api/notifications")).GetProperty("items").EnumerateArray());
    }
}
