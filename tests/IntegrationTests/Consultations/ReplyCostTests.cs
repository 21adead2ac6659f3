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
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>With the new-member limit on (one count) and a confirmed author told by e-mail (an outbox row and an
    /// unsubscribe token).</summary>
    private const int MaxStatementsBesidesNotices = 13;

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

        // The replier's first reply makes them a follower; the second is the steady state measured.
        await _client.ReplyAsync(replier, topicId, "はじめての返信です。");
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
        Assert.Equal(1 + followers.Count + 1 + followers.Count, told);
        // Measured on 2026-12-06 before ADR 0029: 27 statements over 16 connection opens (each running the SQLite
        // settings). Now one connection, and what does not write a notice does not grow with the followers.
        Assert.Equal(1, opens);
        // SQLite writes one INSERT per notice (17 statements here); PostgreSQL batches the inserts (11).
        var notices = statements.Count(s => s.StartsWith("INSERT INTO \"Notifications\"", StringComparison.Ordinal));
        Assert.InRange(notices, 0, 1 + followers.Count);
        Assert.InRange(statements.Count - notices, 1, MaxStatementsBesidesNotices);
    }
}
