using System.Net;
using System.Text.Json;
using Salon.Application.Members.CreateAdmin;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Moderation;

/// <summary>The routes the staff pages of the web client needed beyond the original contract: the queue count (the menu's
/// badge), audit-log filters, and an admin's search of members by nickname (for granting roles).</summary>
public sealed class StaffConsoleApiTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<TestMember> AdminAsync()
    {
        var email = ApiClient.UniqueEmail("admin");
        var nickname = "運営" + Guid.NewGuid().ToString("N")[..4];
        var result = await factory.SendAsync(new CreateAdminCommand(email, nickname, "an admin passphrase"));
        return new TestMember(result.MemberId, email, "an admin passphrase", nickname, await _client.LoginAsync(email, "an admin passphrase"));
    }

    private async Task<JsonElement> CountAsync(TestMember moderator)
    {
        var response = await _client.SendAsAsync(moderator, HttpMethod.Get, "/api/moderation/queue/count");
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    [Fact]
    public async Task The_queue_count_follows_open_items_and_priority_ones_for_moderators_only()
    {
        var moderator = await factory.SignUpModeratorAsync(_client);
        var author = await factory.SignUpAsync(_client);
        var before = await CountAsync(moderator);

        await _client.CreateTopicAsync(author, title: "もう限界です", body: "介護に疲れて、消えたいと思ってしまう夜があります", anonymous: true);

        var after = await CountAsync(moderator);
        Assert.Equal(before.GetProperty("open").GetInt32() + 1, after.GetProperty("open").GetInt32());
        Assert.Equal(before.GetProperty("priority").GetInt32() + 1, after.GetProperty("priority").GetInt32());
        await (await _client.SendAsAsync(author, HttpMethod.Get, "/api/moderation/queue/count")).ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.GetAsync("/api/moderation/queue/count")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_audit_log_is_filtered_by_moderator_action_and_days_in_japan()
    {
        var first = await factory.SignUpModeratorAsync(_client);
        var second = await factory.SignUpModeratorAsync(_client);
        var member = await factory.SignUpAsync(_client);
        await (await _client.SendAsAsync(first, HttpMethod.Post, $"/api/moderation/members/{member.Id}/suspend", new { reason = "攻撃的な投稿" })).ShouldBe(HttpStatusCode.NoContent);
        await (await _client.SendAsAsync(second, HttpMethod.Post, $"/api/moderation/members/{member.Id}/unsuspend", new { reason = "解除" })).ShouldBe(HttpStatusCode.NoContent);

        var byFirst = (await _client.ListAsync(first, $"/api/moderation/audit?actor={first.Id}")).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(byFirst);
        Assert.All(byFirst, e => Assert.Equal(first.Id, e.GetProperty("actorId").GetGuid()));
        Assert.Contains(byFirst, e => e.GetProperty("action").GetString() == "suspend");

        var unsuspends = (await _client.ListAsync(first, "/api/moderation/audit?action=unsuspend")).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(unsuspends);
        Assert.All(unsuspends, e => Assert.Equal("unsuspend", e.GetProperty("action").GetString()));
        Assert.Contains(unsuspends, e => e.GetProperty("actorId").GetGuid() == second.Id);

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9).AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(
            (await _client.ListAsync(first, $"/api/moderation/audit?actor={second.Id}&from={today}&to={today}")).GetProperty("items").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "unsuspend");
        Assert.Empty((await _client.ListAsync(first, $"/api/moderation/audit?actor={second.Id}&to={yesterday}")).GetProperty("items").EnumerateArray());

        var backwards = await _client.SendAsAsync(first, HttpMethod.Get, $"/api/moderation/audit?from={today}&to={yesterday}");
        await backwards.ShouldBe(HttpStatusCode.BadRequest);
        await (await _client.SendAsAsync(first, HttpMethod.Get, "/api/moderation/audit?from=0001-01-01")).ShouldBe(HttpStatusCode.BadRequest);
        await (await _client.SendAsAsync(first, HttpMethod.Get, "/api/moderation/audit?to=9999-12-31")).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_admin_finds_members_by_nickname_with_their_roles_and_never_an_email()
    {
        var admin = await AdminAsync();
        var stem = "ｻｸﾗ" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var found = await factory.SignUpAsync(_client, nickname: stem + "ママ");
        var moderator = await factory.SignUpModeratorAsync(_client);

        // Width and case do not matter, as for nicknames' uniqueness.
        var query = Uri.EscapeDataString("サクラ" + stem[3..].ToLowerInvariant());
        var result = await _client.ListAsync(admin, $"/api/admin/members?nickname={query}");
        var item = Assert.Single(result.GetProperty("items").EnumerateArray());
        Assert.Equal(found.Id, item.GetProperty("id").GetGuid());
        Assert.Equal(found.Nickname, item.GetProperty("nickname").GetString());
        Assert.Equal(["member"], item.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.False(item.GetProperty("suspended").GetBoolean());
        Assert.DoesNotContain(found.Email, result.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.False(item.TryGetProperty("email", out _));

        // Without a nickname: the members who hold a role.
        var staff = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await _client.ListAsync(admin, "/api/admin/members?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            staff.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Contains(staff, m => m.GetProperty("id").GetGuid() == moderator.Id
            && m.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "moderator"));
        Assert.DoesNotContain(staff, m => m.GetProperty("id").GetGuid() == found.Id);

        await (await _client.SendAsAsync(moderator, HttpMethod.Get, "/api/admin/members?nickname=a")).ShouldBe(HttpStatusCode.Forbidden);
        await (await _client.SendAsAsync(found, HttpMethod.Get, "/api/admin/members")).ShouldBe(HttpStatusCode.Forbidden);
    }
}
