using Microsoft.Extensions.Time.Testing;
using Salon.Application.Consultations;
using Salon.Domain.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Consultations;

/// <summary>GET /api/tags answers from memory (<see cref="TagCache"/>): a change made to the table behind Salon's back
/// shows within the cache's duration, not on the next request.</summary>
public sealed class TagCacheTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;

    public TagCacheTests()
    {
        _factory = new SalonApiFactory { Clock = _clock };
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_tag_added_to_the_table_is_listed_once_the_cached_list_is_older_than_its_duration()
    {
        var member = await _factory.SignUpAsync(_client);
        var before = await SlugsAsync(member);
        Assert.Contains("communication", before);

        await _factory.WithDbAsync(db =>
        {
            db.Tags.Add(Tag.Create("test-cache", "テスト", "Test", 999));
            return db.SaveChangesAsync();
        });
        Assert.Equal(before, await SlugsAsync(member));

        _clock.Advance(TagCache.Duration);
        Assert.Equal([.. before, "test-cache"], await SlugsAsync(member));
    }

    private async Task<List<string>> SlugsAsync(TestMember member) =>
        (await _client.ListAsync(member, "/api/tags")).EnumerateArray().Select(t => t.GetProperty("slug").GetString()!).ToList();
}
