using System.Net;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Members;

public sealed class BlockTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Blocking_is_idempotent_listed_newest_first_and_undone_by_delete()
    {
        var me = await factory.SignUpAsync(_client);
        var a = await factory.SignUpAsync(_client);
        var b = await factory.SignUpAsync(_client);

        await (await _client.SendAsAsync(me, HttpMethod.Put, $"/api/me/blocks/{a.Id}")).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(me, HttpMethod.Put, $"/api/me/blocks/{a.Id}")).ShouldBe(HttpStatusCode.NoContent);
        await Task.Delay(5);
        await (await _client.SendAsAsync(me, HttpMethod.Put, $"/api/me/blocks/{b.Id}")).ShouldBe(HttpStatusCode.NoContent);

        var list = await (await _client.SendAsAsync(me, HttpMethod.Get, "/api/me/blocks")).JsonAsync();
        var items = list.GetProperty("items");
        Assert.Equal(2, items.GetArrayLength());
        Assert.Equal(b.Nickname, items[0].GetProperty("nickname").GetString());
        Assert.Equal(a.Id.ToString(), items[1].GetProperty("memberId").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, list.GetProperty("nextCursor").ValueKind);

        await (await _client.SendAsAsync(me, HttpMethod.Delete, $"/api/me/blocks/{a.Id}")).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(me, HttpMethod.Delete, $"/api/me/blocks/{a.Id}")).ShouldBe(HttpStatusCode.NoContent);
        var after = await (await _client.SendAsAsync(me, HttpMethod.Get, "/api/me/blocks")).JsonAsync();
        Assert.Equal(1, after.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_block_list_pages_with_a_cursor_without_gaps_or_duplicates()
    {
        var me = await factory.SignUpAsync(_client);
        var blocked = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var other = await factory.SignUpAsync(_client);
            await (await _client.SendAsAsync(me, HttpMethod.Put, $"/api/me/blocks/{other.Id}")).ShouldBe(HttpStatusCode.NoContent);
            blocked.Add(other.Id);
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var url = "/api/me/blocks?limit=2" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await (await _client.SendAsAsync(me, HttpMethod.Get, url)).JsonAsync();
            Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => Guid.Parse(i.GetProperty("memberId").GetString()!)));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(blocked.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task A_member_cannot_block_themself_or_a_member_who_does_not_exist()
    {
        var me = await factory.SignUpAsync(_client);
        await (await _client.SendAsAsync(me, HttpMethod.Put, $"/api/me/blocks/{me.Id}")).ShouldBe(HttpStatusCode.UnprocessableEntity);
        await (await _client.SendAsAsync(me, HttpMethod.Put, $"/api/me/blocks/{Guid.CreateVersion7()}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_malformed_cursor_is_a_400()
    {
        var me = await factory.SignUpAsync(_client);
        await (await _client.SendAsAsync(me, HttpMethod.Get, "/api/me/blocks?cursor=%%%")).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Blocks_made_at_the_same_instant_still_page_without_gaps_or_duplicates()
    {
        using var frozen = new SalonApiFactory { Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow) };
        var client = frozen.CreateClient();
        var me = await frozen.SignUpAsync(client);
        var blocked = new HashSet<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var other = await frozen.SignUpAsync(client);
            await (await client.SendAsAsync(me, HttpMethod.Put, $"/api/me/blocks/{other.Id}")).ShouldBe(HttpStatusCode.NoContent);
            blocked.Add(other.Id);
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var url = "/api/me/blocks?limit=3" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await (await client.SendAsAsync(me, HttpMethod.Get, url)).JsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => Guid.Parse(i.GetProperty("memberId").GetString()!)));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(blocked.Count, seen.Count);
        Assert.Equal(blocked.OrderBy(g => g), seen.OrderBy(g => g));
    }
}
