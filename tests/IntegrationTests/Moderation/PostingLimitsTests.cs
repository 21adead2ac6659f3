using System.Net;
using Microsoft.Extensions.Time.Testing;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Moderation;

public sealed class PostingLimitsTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;

    public PostingLimitsTests()
    {
        _factory = new SalonApiFactory { Clock = _clock };
        _factory.Settings["PostingLimits:MinSecondsBetweenPosts"] = "30";
        _factory.Settings["PostingLimits:NewMemberMaxTopics"] = "3";
        _factory.Settings["PostingLimits:NewMemberMaxReplies"] = "10";
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Everybody_waits_30_seconds_between_posts_and_is_told_how_long()
    {
        var member = await _factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(member);

        _clock.Advance(TimeSpan.FromSeconds(10));
        var tooSoon = await _client.SendAsAsync(member, HttpMethod.Post, $"/api/topics/{topicId}/replies", new { body = "追記", anonymous = false });

        await tooSoon.ShouldBe(HttpStatusCode.TooManyRequests);
        Assert.Equal("posting-too-fast", (await tooSoon.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromSeconds(20), tooSoon.Headers.RetryAfter?.Delta);

        _clock.Advance(TimeSpan.FromSeconds(21));
        await _client.ReplyAsync(member, topicId, "追記");
    }

    [Fact]
    public async Task A_new_member_posts_at_most_three_topics_in_the_first_day()
    {
        var member = await _factory.SignUpAsync(_client);
        for (var i = 0; i < 3; i++)
        {
            await _client.CreateTopicAsync(member, title: $"相談{i}");
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        var fourth = await _client.SendAsAsync(member, HttpMethod.Post, "/api/topics", new { boardSlug = "chat", title = "四つ目", body = "本文", anonymous = false });
        await fourth.ShouldBe(HttpStatusCode.TooManyRequests);
        Assert.Equal("new-member-limit", (await fourth.JsonAsync()).GetProperty("code").GetString());
        Assert.NotNull(fourth.Headers.RetryAfter?.Delta);

        _clock.Advance(TimeSpan.FromHours(24));
        var nextDay = member with { Tokens = await _client.LoginAsync(member.Email, member.Password) };
        await _client.CreateTopicAsync(nextDay, title: "翌日の相談");
    }
}

public sealed class HoldForReviewPolicyTests : IDisposable
{
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;

    public HoldForReviewPolicyTests()
    {
        _factory = new SalonApiFactory();
        _factory.Settings["Safety:CrisisPolicy"] = "HoldForReview";
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task With_hold_for_review_a_crisis_post_is_seen_only_by_its_author_who_still_gets_the_crisis_lines()
    {
        var author = await _factory.SignUpAsync(_client);
        var reader = await _factory.SignUpAsync(_client);

        var response = await _client.SendAsAsync(author, HttpMethod.Post, "/api/topics", new { boardSlug = "chat", title = "夜", body = "死にたい気持ちが消えない", anonymous = true });

        await response.ShouldBe(HttpStatusCode.Created);
        var created = await response.JsonAsync();
        Assert.True(created.TryGetProperty("support", out _));
        var topicId = created.GetProperty("id").GetGuid();
        await (await _client.SendAsAsync(reader, HttpMethod.Get, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal("under_review", (await _client.GetTopicAsync(author, topicId)).GetProperty("status").GetString());
        var kinds = await _factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.ModerationItems.Where(i => i.PostId == topicId).Select(i => i.Kind)));
        Assert.Contains(Salon.Domain.Moderation.ModerationItemKind.Crisis, kinds);
        Assert.Contains(Salon.Domain.Moderation.ModerationItemKind.Held, kinds);
    }
}
