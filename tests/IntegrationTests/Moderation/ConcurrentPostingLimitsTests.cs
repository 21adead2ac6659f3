using System.Net;
using Microsoft.EntityFrameworkCore;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Moderation;

/// <summary>Posting limits hold when one member's posts arrive at the same moment (issue 12, item 4): the check and
/// the insert are one decision under the member's row lock (docs/adr/0018), on one instance or several.
/// <para>It once ran alone: Hangfire's process-wide log provider, bound to another test's disposed host, failed one
/// instance's job client (CI on PostgreSQL, 2026-12-07). The provider now logs to a live host
/// (<c>LiveHostsLogProvider</c>, <see cref="Platform.HangfireLogProviderTests"/>).</para></summary>
public sealed class ConcurrentPostingLimitsTests
{
    /// <summary>At the default limits, posts sent at once store one (30 s between posts); without the interval, the
    /// new member's cap of 3.</summary>
    [Theory]
    [InlineData(30, 1, "posting-too-fast")]
    [InlineData(0, 3, "new-member-limit")]
    public async Task Eight_topics_sent_at_once_by_a_new_member_store_exactly_what_the_limits_allow(int minSecondsBetweenPosts, int allowed, string refusedCode)
    {
        using var factory = LimitedFactory(minSecondsBetweenPosts);
        var client = factory.CreateClient();
        var member = await factory.SignUpAsync(client);

        var responses = await AtOnceAsync(8, i => NewTopic(client, member, i));

        await AssertAcceptedAsync(responses, allowed, refusedCode);
        Assert.Equal(allowed, await TopicsOfAsync(factory, member));
    }

    /// <summary>At the default limits, one (30 s between posts); without the interval, the new member's cap of 10.</summary>
    [Theory]
    [InlineData(30, 6, 1, "posting-too-fast")]
    [InlineData(0, 14, 10, "new-member-limit")]
    public async Task Replies_sent_at_once_by_a_new_member_store_exactly_what_the_limits_allow(int minSecondsBetweenPosts, int sent, int allowed, string refusedCode)
    {
        using var factory = LimitedFactory(minSecondsBetweenPosts);
        var client = factory.CreateClient();
        var author = await factory.SignUpAsync(client);
        var member = await factory.SignUpAsync(client);
        var topicId = await client.CreateTopicAsync(author);

        var responses = await AtOnceAsync(sent, i => NewReply(client, member, topicId, i));

        await AssertAcceptedAsync(responses, allowed, refusedCode);
        Assert.Equal(allowed, await factory.WithDbAsync(db => db.Replies.CountAsync(r => r.AuthorId == member.Id)));
        Assert.Equal(allowed, (await client.GetTopicAsync(author, topicId)).GetProperty("replyCount").GetInt32());
    }

    [PostgresFact]
    [Trait("Provider", "Postgres")]
    public async Task Two_instances_on_one_database_hold_a_member_to_the_same_limits()
    {
        var directory = Path.Combine(Path.GetTempPath(), "salon-tests", Guid.NewGuid().ToString("N"));
        using var a = LimitedFactory(minSecondsBetweenPosts: 0, directory, keepDirectory: true);
        using var b = LimitedFactory(minSecondsBetweenPosts: 0, directory);
        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));
        var clientA = a.CreateClient();
        var clientB = b.CreateClient();
        var member = await a.SignUpAsync(clientA);

        var responses = await AtOnceAsync(8, i => NewTopic(i % 2 == 0 ? clientA : clientB, member, i));

        await AssertAcceptedAsync(responses, accepted: 3, refusedCode: "new-member-limit");
        Assert.Equal(3, await TopicsOfAsync(a, member));
    }

    /// <summary>The default limits (30 s between posts; 3 topics and 10 replies in the first 24 hours), or without
    /// the interval to reach the caps.</summary>
    private static SalonApiFactory LimitedFactory(int minSecondsBetweenPosts = 30, string? directory = null, bool keepDirectory = false)
    {
        var factory = directory is null ? new SalonApiFactory() : new SalonApiFactory { Directory = directory, KeepDirectory = keepDirectory };
        factory.Settings["PostingLimits:MinSecondsBetweenPosts"] = minSecondsBetweenPosts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["PostingLimits:NewMemberMaxTopics"] = "3";
        factory.Settings["PostingLimits:NewMemberMaxReplies"] = "10";
        return factory;
    }

    private static Task<HttpResponseMessage> NewTopic(HttpClient client, TestMember member, int i) =>
        client.SendAsAsync(member, HttpMethod.Post, "/api/topics", new { boardSlug = "chat", title = $"同時の相談{i}", body = "本文", anonymous = false });

    private static Task<HttpResponseMessage> NewReply(HttpClient client, TestMember member, Guid topicId, int i) =>
        client.SendAsAsync(member, HttpMethod.Post, $"/api/topics/{topicId}/replies", new { body = $"同時の返信{i}", anonymous = false });

    private static Task<HttpResponseMessage[]> AtOnceAsync(int count, Func<int, Task<HttpResponseMessage>> send) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => send(i))));

    private static async Task AssertAcceptedAsync(HttpResponseMessage[] responses, int accepted, string refusedCode)
    {
        var statuses = responses.Select(r => (int)r.StatusCode).Order().ToList();
        Assert.True(
            statuses.Count(s => s == 201) == accepted && statuses.Count(s => s == 429) == responses.Length - accepted,
            $"expected {accepted} × 201 and the rest 429, got {string.Join(", ", statuses)}");
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests))
        {
            Assert.Equal(refusedCode, (await refused.JsonAsync()).GetProperty("code").GetString());
            Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        }
    }

    private static Task<int> TopicsOfAsync(SalonApiFactory factory, TestMember member) =>
        factory.WithDbAsync(db => db.Topics.CountAsync(t => t.AuthorId == member.Id));
}
