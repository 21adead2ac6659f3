using System.Data;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salon.Infrastructure.Persistence;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>The app's contexts come from EF Core's pool (issue 15, docs/adr/0032): a scope leases one and gives it
/// back. What must not cross from one scope to the next: the open connection, tracked entities, and the scope's
/// event dispatcher (whose handlers are that scope's services).</summary>
public sealed class ContextPoolTests : IDisposable
{
    private readonly SalonApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_scope_gets_a_pooled_context_with_nothing_of_the_scope_before()
    {
        using var client = _factory.CreateClient();
        var author = await _factory.SignUpAsync(client);

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var first = scope.ServiceProvider.GetRequiredService<SalonDbContext>();
            Assert.NotEqual(0, first.ContextId.Lease);
            Assert.NotNull(await first.Members.FirstOrDefaultAsync(m => m.Id == author.Id));
            Assert.Equal(ConnectionState.Open, first.Database.GetDbConnection().State);
            Assert.NotEmpty(first.ChangeTracker.Entries());
        }

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var second = scope.ServiceProvider.GetRequiredService<SalonDbContext>();
            // Leased before (by this test's first scope or an earlier request): the pool hands contexts out in turn.
            Assert.True(second.ContextId.Lease > 1, $"lease {second.ContextId.Lease}");
            Assert.NotEqual(ConnectionState.Open, second.Database.GetDbConnection().State);
            Assert.Empty(second.ChangeTracker.Entries());
        }

        // The leased context dispatches to its own scope's handlers: a reply's notice reaches the topic's author.
        var topic = await client.CreateTopicAsync(author);
        var replier = await _factory.SignUpAsync(client);
        await client.ReplyAsync(replier, topic);
        var notices = await client.SendAsAsync(author, HttpMethod.Get, "/api/notifications");
        await notices.ShouldBe(HttpStatusCode.OK);
        Assert.Contains(topic.ToString(), await notices.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
