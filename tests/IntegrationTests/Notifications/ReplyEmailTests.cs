using System.Net;
using System.Net.Http.Json;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Notifications;

public sealed class ReplyEmailTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_reply_e_mails_the_author_neutrally_with_a_one_click_unsubscribe_that_works_without_signing_in()
    {
        var author = await factory.SignUpAsync(_client);
        var replier = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author, title: "統合失調症の弟のこと", body: "入院中の弟について");

        await _client.ReplyAsync(replier, topicId, "うちの兄も同じでした");

        var mail = await factory.LatestToAsync(author.Email, "reply-notice");
        Assert.Equal("サロンからのお知らせ / A message from Salon", mail.Subject);
        foreach (var secret in new[] { "統合失調症", "弟", "うちの兄", replier.Nickname, "chat", "雑談" })
        {
            Assert.DoesNotContain(secret, mail.Subject + mail.TextBody, StringComparison.Ordinal);
        }

        Assert.NotNull(mail.UnsubscribeUrl);
        Assert.Contains(mail.UnsubscribeUrl!, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.AllToAsync(replier.Email), m => m.Kind == "reply-notice");

        var path = new Uri(mail.UnsubscribeUrl!).PathAndQuery;
        await (await _client.GetAsync(path)).ShouldBe(HttpStatusCode.OK);
        await (await _client.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.PostAsync(path, null)).ShouldBe(HttpStatusCode.NoContent);

        var settings = await _client.ListAsync(author, "/api/me/notification-settings");
        var replies = settings.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "reply_to_my_topic");
        Assert.Equal("off", replies.GetProperty("email").GetString());
        Assert.True(replies.GetProperty("inApp").GetBoolean());

        await _client.ReplyAsync(replier, topicId, "もう一度");
        Assert.Single(await factory.AllToAsync(author.Email), m => m.Kind == "reply-notice");
    }

    [Fact]
    public async Task An_unsubscribe_link_stops_working_once_the_address_changes_and_bad_tokens_are_404()
    {
        var author = await factory.SignUpAsync(_client);
        var replier = await factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author);
        await _client.ReplyAsync(replier, topicId);
        var link = new Uri((await factory.LatestToAsync(author.Email, "reply-notice")).UnsubscribeUrl!).PathAndQuery;

        var newEmail = ApiClient.UniqueEmail("moved");
        await (await _client.SendAsAsync(author, HttpMethod.Put, "/api/me/email", new { newEmail, currentPassword = author.Password })).ShouldBe(HttpStatusCode.Accepted);
        var change = await factory.LatestToAsync(newEmail, "email-change-confirmation");
        await (await _client.PostAsJsonAsync("/api/auth/confirm-email-change", new { userId = author.Id, email = newEmail, token = change.Value("token") })).ShouldBe(HttpStatusCode.NoContent);

        await (await _client.PostAsync(link, null)).ShouldBe(HttpStatusCode.NotFound);
        await (await _client.PostAsync("/api/unsubscribe?token=made-up", null)).ShouldBe(HttpStatusCode.NotFound);
    }
}
