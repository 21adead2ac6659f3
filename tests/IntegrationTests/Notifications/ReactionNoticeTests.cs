using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Notifications;

public sealed class ReactionNoticeTests : IDisposable
{
    // 2026-11-27 22:00 in Japan: two hours before the Japan day ends.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 13, 0, 0, TimeSpan.Zero));
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;

    public ReactionNoticeTests()
    {
        _factory = new SalonApiFactory { Clock = _clock };
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    private async Task<List<JsonElement>> ReactionNoticesAsync(TestMember member) =>
        (await _client.ListAsync(member, "/api/notifications")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == "reactions").ToList();

    private async Task ReactAsync(TestMember member, Guid postId, string kind) =>
        await (await _client.SendAsAsync(member, HttpMethod.Put, $"/api/posts/{postId}/reactions/{kind}")).ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task Reactions_to_a_post_make_one_notice_per_day_that_counts_people_and_names_nobody()
    {
        var author = await _factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author, anonymous: true);
        var reactors = new List<TestMember>();
        for (var i = 0; i < 3; i++)
        {
            reactors.Add(await _factory.SignUpAsync(_client, nickname: "はんのう" + Guid.NewGuid().ToString("N")[..6]));
        }

        await ReactAsync(author, topicId, "relate"); // one's own reaction: no notice
        Assert.Empty(await ReactionNoticesAsync(author));

        await ReactAsync(reactors[0], topicId, "relate");
        var first = Assert.Single(await ReactionNoticesAsync(author));
        Assert.Contains("1人が『わかる』", first.GetProperty("message").GetString(), StringComparison.Ordinal);
        await (await _client.SendAsAsync(author, HttpMethod.Post, "/api/notifications/read", new { })).ShouldBe(HttpStatusCode.NoContent);

        await ReactAsync(reactors[1], topicId, "relate");
        await ReactAsync(reactors[2], topicId, "relate");
        await ReactAsync(reactors[2], topicId, "support");
        await ReactAsync(reactors[2], topicId, "support"); // idempotent PUT: no change

        var notice = Assert.Single(await ReactionNoticesAsync(author));
        var message = notice.GetProperty("message").GetString()!;
        Assert.Equal("あなたの投稿に、3人が『わかる』、1人が『応援』と反応しました。", message);
        Assert.False(notice.GetProperty("read").GetBoolean());
        Assert.Equal(topicId, notice.GetProperty("postId").GetGuid());
        foreach (var reactor in reactors)
        {
            Assert.DoesNotContain(reactor.Nickname, notice.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(reactor.Id.ToString(), notice.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }

        foreach (var reactor in reactors)
        {
            Assert.Empty(await ReactionNoticesAsync(reactor));
        }

        // After midnight in Japan, a new day's notice.
        _clock.Advance(TimeSpan.FromHours(3));
        author = author with { Tokens = await _client.LoginAsync(author.Email, author.Password) };
        var later = await _factory.SignUpAsync(_client);
        await ReactAsync(later, topicId, "thanks");
        var notices = await ReactionNoticesAsync(author);
        Assert.Equal(2, notices.Count);
        Assert.Equal("あなたの投稿に、1人が『ありがとう』と反応しました。", notices[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Reactions_from_a_blocked_member_notify_and_count_like_anyones_because_reactions_are_anonymous()
    {
        var author = await _factory.SignUpAsync(_client);
        var blocked = await _factory.SignUpAsync(_client);
        var friend = await _factory.SignUpAsync(_client);
        var anonymousTopic = await _client.CreateTopicAsync(author, anonymous: true);
        await _client.SendAsAsync(author, HttpMethod.Put, $"/api/me/blocks/{blocked.Id}");

        await ReactAsync(blocked, anonymousTopic, "relate"); // allowed on an anonymous post, so the block is not revealed
        Assert.Equal("あなたの投稿に、1人が『わかる』と反応しました。", Assert.Single(await ReactionNoticesAsync(author)).GetProperty("message").GetString());

        // Leaving it out would tell the author whether the reactors were among the members they blocked (ADR 0016).
        await ReactAsync(friend, anonymousTopic, "relate");
        Assert.Equal("あなたの投稿に、2人が『わかる』と反応しました。", Assert.Single(await ReactionNoticesAsync(author)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_member_who_wants_reactions_by_e_mail_at_once_gets_one_neutral_mail_per_post_per_day()
    {
        var author = await _factory.SignUpAsync(_client);
        await (await _client.SendAsAsync(author, HttpMethod.Put, "/api/me/notification-settings", new { kinds = new[] { new { kind = "reactions", inApp = true, email = "immediate" } } }))
            .ShouldBe(HttpStatusCode.OK);
        var topicId = await _client.CreateTopicAsync(author, title: "秘密にしたい相談のタイトル");

        await ReactAsync(await _factory.SignUpAsync(_client), topicId, "relate");
        await ReactAsync(await _factory.SignUpAsync(_client), topicId, "thanks");

        var mail = Assert.Single(await _factory.AllToAsync(author.Email), m => m.Kind == "notice-reactions");
        Assert.Equal("サロンからのお知らせ / A message from Salon", mail.Subject);
        Assert.DoesNotContain("秘密にしたい", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("リアクション", mail.TextBody, StringComparison.Ordinal);
        Assert.NotNull(mail.HtmlBody);
        Assert.NotNull(mail.UnsubscribeUrl);
    }
}
