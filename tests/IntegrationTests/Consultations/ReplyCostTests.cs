using System.Net;
using Microsoft.EntityFrameworkCore;
using Salon.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Salon.IntegrationTests.Consultations;

/// <summary>Performance as facts (issue 15, ADR 0029): what one reply over HTTP costs in SQL statements and
/// connection opens, with the topic followed by several members so that their notices are written.</summary>
public sealed class ReplyCostTests : IDisposable
{
    private readonly CommandCounter _commands = new();
    private readonly ConnectionOpenCounter _opens = new();
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;
    private readonly ITestOutputHelper _output;

    public ReplyCostTests(ITestOutputHelper output)
    {
        _output = output;
        _factory = new SalonApiFactory { ConfigureTestServices = s => SalonApiFactory.ConfigureDbContext(s, o => o.AddInterceptors(_commands, _opens)) };
        // Production's limits: the interval between posts and the new-member period are both checked.
        _factory.Settings["PostingLimits:MinSecondsBetweenPosts"] = "30";
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>With production's limits on (the member's latest post in the interval and, while new, their count: two
    /// statements) and a confirmed author told by e-mail (an outbox row and an unsubscribe token). Measured on
    /// 2026-12-07: 11 on SQLite; 15 before the notices' followers, recipients, preferences and addresses became one query
    /// and the latest topic and latest reply one statement.</summary>
    private const int MaxStatementsBesidesNotices = 11;

    [Fact]
    public async Task A_reply_to_a_followed_topic_costs_a_bounded_number_of_statements_on_one_connection()
    {
        var author = await _factory.SignUpAsync(_client);
        var replier = await _factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author);
        var followers = new List<TestMember>();
        for (var i = 0; i < 3; i++)
        {
            var follower = await _factory.SignUpAsync(_client);
            await (await _client.SendAsAsync(follower, HttpMethod.Put, $"/api/topics/{topicId}/follow")).ShouldBe(HttpStatusCode.NoContent);
            followers.Add(follower);
        }

        // A first reply by someone else loads what is cached (the watched words); the replier follows already, as after
        // a first reply of theirs, and the interval since their last post is checked (it finds none).
        await _client.ReplyAsync(followers[0], topicId, "はじめての返信です。");
        await (await _client.SendAsAsync(replier, HttpMethod.Put, $"/api/topics/{topicId}/follow")).ShouldBe(HttpStatusCode.NoContent);
        var request = ApiClient.Authorized(HttpMethod.Post, $"/api/topics/{topicId}/replies", replier.Tokens.AccessToken, new { body = "二度目の返信です。", anonymous = false });
        request.Headers.Add(CommandCounter.RequestHeader, "reply");
        await (await _client.SendAsync(request)).ShouldBe(HttpStatusCode.Created);

        var statements = _commands.ForRequest("reply");
        var opens = _opens.ForRequest("reply");
        _output.WriteLine($"{statements.Count} statements, {opens} connection opens");
        foreach (var statement in statements)
        {
            _output.WriteLine("---\n" + statement);
        }

        // The author and every follower were told (the contract the bound must not break).
        var told = await _factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.TopicId == topicId));
        // (The first reply: the author and the two other followers; the measured one: the author and all three.)
        Assert.Equal(1 + (followers.Count - 1) + 1 + followers.Count, told);
        // Measured on 2026-12-06 before ADR 0029: 27 statements over 16 connection opens (each running the SQLite
        // settings). Now one connection, and what does not write a notice does not grow with the followers.
        Assert.Equal(1, opens);
        // SQLite writes one INSERT per notice (15 statements here); PostgreSQL batches the inserts.
        var notices = statements.Count(s => s.StartsWith("INSERT INTO \"Notifications\"", StringComparison.Ordinal));
        Assert.InRange(notices, 0, 1 + followers.Count);
        Assert.InRange(statements.Count - notices, 1, MaxStatementsBesidesNotices);
    }
}
