using System.Net;
using System.Net.Http.Json;
using Salon.Application.Members.CreateAdmin;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Members;

public sealed class RoleTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<TestMember> CreateAdminAsync()
    {
        var email = ApiClient.UniqueEmail("admin");
        var nickname = "サロン運営" + Guid.NewGuid().ToString("N")[..4];
        const string password = "an admin passphrase";
        var result = await factory.SendAsync(new CreateAdminCommand(email, nickname, password));
        Assert.True(result.Created);
        return new TestMember(result.MemberId, email, password, nickname, await _client.LoginAsync(email, password));
    }

    [Fact]
    public async Task The_create_admin_command_makes_a_signed_in_admin_and_official_with_a_staff_name()
    {
        var admin = await CreateAdminAsync();
        var me = await (await _client.SendAsAsync(admin, HttpMethod.Get, "/api/me")).JsonAsync();
        var roles = me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("admin", roles);
        Assert.Contains("official", roles);
        Assert.True(me.GetProperty("isOfficial").GetBoolean());
        Assert.StartsWith("サロン運営", me.GetProperty("nickname").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_grants_and_revokes_roles_and_they_apply_at_once()
    {
        var admin = await CreateAdminAsync();
        var member = await factory.SignUpAsync(_client);

        var grant = await _client.SendAsAsync(admin, HttpMethod.Put, $"/api/admin/members/{member.Id}/roles", new { roles = new[] { "moderator" } });
        await grant.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["member", "moderator"], (await grant.JsonAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());

        var me = await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/me")).JsonAsync();
        Assert.Contains("moderator", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        await (await _client.SendAsAsync(admin, HttpMethod.Put, $"/api/admin/members/{member.Id}/roles", new { roles = Array.Empty<string>() })).ShouldBe(HttpStatusCode.OK);
        var after = await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/me")).JsonAsync();
        Assert.DoesNotContain("moderator", after.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Only_admins_may_set_roles()
    {
        var member = await factory.SignUpAsync(_client);
        var other = await factory.SignUpAsync(_client);
        var response = await _client.SendAsAsync(member, HttpMethod.Put, $"/api/admin/members/{other.Id}/roles", new { roles = new[] { "admin" } });
        await response.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await (await _client.PutAsJsonAsync($"/api/admin/members/{other.Id}/roles", new { roles = new[] { "admin" } })).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_roles_are_refused()
    {
        var admin = await CreateAdminAsync();
        var member = await factory.SignUpAsync(_client);
        var response = await _client.SendAsAsync(admin, HttpMethod.Put, $"/api/admin/members/{member.Id}/roles", new { roles = new[] { "superuser" } });
        await response.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_admin_with_an_existing_address_grants_admin_to_that_account()
    {
        var member = await factory.SignUpAsync(_client);
        var result = await factory.SendAsync(new CreateAdminCommand(member.Email, "whatever", "irrelevant passphrase"));
        Assert.False(result.Created);
        Assert.Equal(member.Id, result.MemberId);
        var me = await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/me")).JsonAsync();
        Assert.Contains("admin", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task The_last_admin_cannot_lose_the_admin_role()
    {
        using var alone = new SalonApiFactory();
        var client = alone.CreateClient();
        var result = await alone.SendAsync(new CreateAdminCommand("only-admin@example.com", "サロン運営", "an admin passphrase"));
        var tokens = await client.LoginAsync("only-admin@example.com", "an admin passphrase");

        var response = await client.SendAsync(ApiClient.Authorized(HttpMethod.Put, $"/api/admin/members/{result.MemberId}/roles", tokens.AccessToken, new { roles = new[] { "official" } }));

        await response.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("last-admin", (await response.JsonAsync()).GetProperty("code").GetString());
    }
}
