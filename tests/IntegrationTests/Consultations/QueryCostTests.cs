using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Consultations.GetTopic;
using Salon.Application.Consultations.ListBoardTopics;
using Salon.Application.Meetings.ListMeetings;
using Salon.IntegrationTests.Infrastructure;
using Salon.IntegrationTests.Meetings;

namespace Salon.IntegrationTests.Consultations;

/// <summary>Performance as facts: how many SQL statements a page costs, whatever its size.</summary>
public sealed class QueryCostTests : IDisposable
{
    private readonly CommandCounter _counter = new();
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;

    public QueryCostTests()
    {
        _factory = new SalonApiFactory { ConfigureTestServices = s => SalonApiFactory.ConfigureDbContext(s, o => o.AddInterceptors(_counter)) };
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    public async Task A_topic_list_page_costs_at_most_two_statements(int pageSize)
    {
        var viewer = await SeedAsync(topics: 60, replies: 0);

        var commands = await _counter.Measure(() => SendAsync(new ListBoardTopicsQuery(viewer.Id, "chat", null, false, null, pageSize)));

        Assert.InRange(commands.Count, 1, 2);
    }

    [Fact]
    public async Task A_signed_in_topic_list_request_is_one_statement_once_the_session_is_known()
    {
        var viewer = await SeedAsync(topics: 3, replies: 0);

        // The session check is answered from memory (ADR 0024), the board is looked up inside the page query.
        Assert.Single(await StatementsOfASecondRequestAsync(viewer, "/api/boards/chat/topics"));
    }

    [Fact]
    public async Task A_signed_in_tag_list_request_costs_no_statement_once_the_tags_are_loaded()
    {
        var viewer = await SeedAsync(topics: 1, replies: 0);

        // The session is known and the tags are reference data held in memory (TagCache).
        Assert.Empty(await StatementsOfASecondRequestAsync(viewer, "/api/tags"));
    }

    /// <summary>The statements of a signed-in GET of <paramref name="path"/> made a second time, once the session and
    /// whatever the first request loaded are known.</summary>
    private async Task<IReadOnlyList<string>> StatementsOfASecondRequestAsync(TestMember viewer, string path)
    {
        await (await _client.SendAsAsync(viewer, HttpMethod.Get, path)).ShouldBe(System.Net.HttpStatusCode.OK);
        var request = ApiClient.Authorized(HttpMethod.Get, path, viewer.Tokens.AccessToken);
        request.Headers.Add(CommandCounter.RequestHeader, "second");
        await (await _client.SendAsync(request)).ShouldBe(System.Net.HttpStatusCode.OK);
        return _counter.ForRequest("second");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    public async Task A_topic_view_costs_at_most_three_statements(int pageSize)
    {
        var viewer = await SeedAsync(topics: 1, replies: 60);
        var topicId = await _factory.WithDbAsync(db => db.Topics.Select(t => t.Id).FirstAsync());

        TopicDetailDto? view = null;
        var commands = await _counter.Measure(async () => view = await SendAsync(new GetTopicQuery(viewer.Id, topicId, null, pageSize)));

        Assert.InRange(commands.Count, 1, 3);
        Assert.Equal(pageSize, view!.Replies.Items.Count);
        Assert.All(view.Replies.Items, r => Assert.NotEmpty(r.MyReactions));
    }

    [Fact]
    public async Task A_meeting_list_page_costs_the_same_statements_however_many_meetings_the_viewer_is_waitlisted_for()
    {
        var official = await _factory.CreateOfficialAsync(_client);
        var seated = await _factory.SignUpAsync(_client);
        var viewer = await _factory.SignUpAsync(_client);
        async Task<int> StatementsAsync() => (await _counter.Measure(() => SendAsync(new ListMeetingsQuery(viewer.Id, false, false, null, 50)))).Count;

        async Task WaitlistAsync(int meetings)
        {
            for (var i = 0; i < meetings; i++)
            {
                var id = await _client.CreateMeetingAsync(official, MeetingScenario.Online(DateTime.UtcNow.AddDays(10 + i), capacity: 1));
                await _client.ApplyAsync(seated, id);
                await _client.ApplyAsync(viewer, id);
            }
        }

        await WaitlistAsync(1);
        var one = await StatementsAsync();
        await WaitlistAsync(5);
        var six = await StatementsAsync();

        Assert.InRange(one, 1, 2);
        Assert.Equal(one, six);
        var page = await SendAsync(new ListMeetingsQuery(viewer.Id, false, false, null, 50));
        Assert.All(page.Items, m => Assert.Equal(1, m.MyApplication!.WaitlistPosition));
    }

    private async Task<TestMember> SeedAsync(int topics, int replies)
    {
        var author = await _factory.SignUpAsync(_client);
        var viewer = await _factory.SignUpAsync(_client);
        var topicIds = new List<Guid>();
        for (var i = 0; i < topics; i++)
        {
            topicIds.Add(await _client.CreateTopicAsync(author, tags: ["communication", "money"], title: $"相談{i}"));
        }

        for (var i = 0; i < replies; i++)
        {
            var replyId = await _client.ReplyAsync(author, topicIds[0], $"返信{i}");
            await _client.SendAsAsync(viewer, HttpMethod.Put, $"/api/posts/{replyId}/reactions/thanks");
        }

        await _client.SendAsAsync(viewer, HttpMethod.Put, $"/api/posts/{topicIds[0]}/reactions/relate");
        return viewer;
    }

    private async Task<T> SendAsync<T>(IQuery<T> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }
}
