using System.Net;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Consultations;

/// <summary>A double tap, or two tabs, sending the same write at once never answers 500 (issue 12, item 6): the rows a
/// member owns (follows, bookmarks, read marks, blocks) are written under the member's row lock, reactions under the
/// post's (docs/adr/0018).</summary>
public sealed class DoubleTapTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private const int Tries = 40;
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_same_reply_sent_twice_at_once_is_accepted_twice_and_never_fails()
    {
        var author = await factory.SignUpAsync(_client);
        var replier = await factory.SignUpAsync(_client);
        for (var i = 0; i < Tries; i++)
        {
            var topicId = await _client.CreateTopicAsync(author, title: $"二度押し{i}");
            var body = new { body = "同じ返信です", anonymous = false };

            var responses = await AtOnceAsync(
                () => _client.SendAsAsync(replier, HttpMethod.Post, $"/api/topics/{topicId}/replies", body),
                () => _client.SendAsAsync(replier, HttpMethod.Post, $"/api/topics/{topicId}/replies", body));

            await AllAsync(responses, HttpStatusCode.Created);
            var view = await _client.GetTopicAsync(replier, topicId);
            Assert.Equal(2, view.GetProperty("replyCount").GetInt32());
            Assert.True(view.GetProperty("isFollowing").GetBoolean());
        }
    }

    [Fact]
    public async Task A_reply_and_a_follow_of_the_same_topic_at_once_both_succeed()
    {
        var author = await factory.SignUpAsync(_client);
        var replier = await factory.SignUpAsync(_client);
        for (var i = 0; i < Tries; i++)
        {
            var topicId = await _client.CreateTopicAsync(author, title: $"返信とフォロー{i}");

            var responses = await AtOnceAsync(
                () => _client.SendAsAsync(replier, HttpMethod.Post, $"/api/topics/{topicId}/replies", new { body = "返信します", anonymous = false }),
                () => _client.SendAsAsync(replier, HttpMethod.Put, $"/api/topics/{topicId}/follow"));

            await responses[0].ShouldBe(HttpStatusCode.Created);
            await responses[1].ShouldBe(HttpStatusCode.NoContent);
        }
    }

    [Fact]
    public async Task The_same_bookmark_follow_read_mark_reaction_and_block_sent_at_once_never_fail()
    {
        var author = await factory.SignUpAsync(_client);
        var member = await factory.SignUpAsync(_client);
        for (var i = 0; i < Tries / 4; i++)
        {
            var topicId = await _client.CreateTopicAsync(author, title: $"同時のPUT{i}");
            var other = await factory.SignUpAsync(_client);
            var puts = new[] { $"/api/topics/{topicId}/bookmark", $"/api/topics/{topicId}/follow", $"/api/topics/{topicId}/read", $"/api/posts/{topicId}/reactions/relate", $"/api/me/blocks/{other.Id}" };

            var responses = await AtOnceAsync(puts.SelectMany(url => Enumerable.Repeat(url, 3))
                .Select(url => (Func<Task<HttpResponseMessage>>)(() => _client.SendAsAsync(member, HttpMethod.Put, url)))
                .ToArray());

            Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"{r.RequestMessage!.RequestUri}: {(int)r.StatusCode}"));
            var view = await _client.GetTopicAsync(member, topicId);
            Assert.True(view.GetProperty("isBookmarked").GetBoolean());
            Assert.True(view.GetProperty("isFollowing").GetBoolean());
            Assert.Equal(1, view.GetProperty("reactionCounts").GetProperty("relate").GetInt32());
        }
    }

    [Fact]
    public async Task The_notification_settings_saved_twice_at_once_are_saved_and_never_fail()
    {
        for (var i = 0; i < 10; i++)
        {
            // A member who never saved settings has no rows yet: each save would add them.
            var member = await factory.SignUpAsync(_client);
            var body = new
            {
                kinds = new[] { new { kind = "reactions", inApp = false, email = "off" }, new { kind = "meetings", inApp = true, email = "immediate" } },
                digest = new { frequency = "daily", hour = 21 },
            };

            var responses = await AtOnceAsync(Enumerable.Repeat(() => _client.SendAsAsync(member, HttpMethod.Put, "/api/me/notification-settings", body), 3).ToArray());

            await AllAsync(responses, HttpStatusCode.OK);
            var settings = await _client.ListAsync(member, "/api/me/notification-settings");
            var reactions = settings.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "reactions");
            Assert.False(reactions.GetProperty("inApp").GetBoolean());
            Assert.Equal("daily", settings.GetProperty("digest").GetProperty("frequency").GetString());
        }
    }

    /// <summary>保存する tapped twice on the edit page: each edit replaced the topic's tags from what it had read, so the
    /// second inserted the same tag rows again and failed on their key (500, on SQLite and PostgreSQL alike). Edits of one
    /// topic are now one after the other, under its row lock: every one succeeds, and the topic ends as they left it.</summary>
    [Fact]
    public async Task The_same_topic_edit_sent_several_times_at_once_is_saved_and_never_fails()
    {
        var author = await factory.SignUpAsync(_client);
        for (var i = 0; i < 5; i++)
        {
            var topicId = await _client.CreateTopicAsync(author, title: $"同時の編集{i}", anonymous: true, tags: ["communication"]);
            var edit = new { title = $"編集した題{i}", tags = new[] { "money", "medical" }, isClosed = true };

            var responses = await AtOnceAsync(Enumerable.Repeat(() => _client.SendAsAsync(author, HttpMethod.Patch, $"/api/topics/{topicId}", edit), 4).ToArray());

            await AllAsync(responses, HttpStatusCode.OK);
            var view = await _client.GetTopicAsync(author, topicId);
            Assert.Equal($"編集した題{i}", view.GetProperty("title").GetString());
            Assert.Equal(["medical", "money"], view.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal));
            Assert.True(view.GetProperty("isClosed").GetBoolean());
        }
    }

    /// <summary>削除する tapped twice: one after the other, the second delete of one's own post is 204 ("deleting again is
    /// fine"); at once, the one that read the post before the other deleted it looked for it among the undeleted posts
    /// and answered 404, so the web client said the post was not found although it was gone as asked.</summary>
    [Fact]
    public async Task Deleting_the_same_reply_or_topic_several_times_at_once_answers_204_each_time()
    {
        var author = await factory.SignUpAsync(_client);
        var replier = await factory.SignUpAsync(_client);
        for (var i = 0; i < 5; i++)
        {
            var topicId = await _client.CreateTopicAsync(author, title: $"同時の削除{i}");
            var replyId = await _client.ReplyAsync(replier, topicId);

            await AllAsync(await AtOnceAsync(Enumerable.Repeat(() => _client.SendAsAsync(replier, HttpMethod.Delete, $"/api/replies/{replyId}"), 4).ToArray()), HttpStatusCode.NoContent);
            await AllAsync(await AtOnceAsync(Enumerable.Repeat(() => _client.SendAsAsync(author, HttpMethod.Delete, $"/api/topics/{topicId}"), 4).ToArray()), HttpStatusCode.NoContent);

            await (await _client.SendAsAsync(replier, HttpMethod.Get, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.NotFound);
        }
    }

    private static Task<HttpResponseMessage[]> AtOnceAsync(params Func<Task<HttpResponseMessage>>[] sends) =>
        Task.WhenAll(sends.Select(send => Task.Run(send)));

    private static async Task AllAsync(IEnumerable<HttpResponseMessage> responses, HttpStatusCode expected)
    {
        foreach (var response in responses)
        {
            await response.ShouldBe(expected);
        }
    }
}
