using System.Text.Json;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;

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

        Assert.Equal("reply_in_followed_topic", Assert.Single(await NoticesAsync(follower)).GetProperty("kind").GetString());
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
}
