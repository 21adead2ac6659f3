using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Consultations.GetTopic;
using Salon.Application.Consultations.ListBoardTopics;
using Salon.Infrastructure.Persistence;
using Salon.IntegrationTests.Infrastructure;

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
