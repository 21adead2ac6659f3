using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Notifications.CleanUpNotifications;
using Salon.Domain.Notifications;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Members;

public sealed class AccountDeletionTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_bounced_address_is_forgotten_with_the_account_that_held_it_and_once_no_one_holds_it()
    {
        using var own = new SalonApiFactory();
        using var client = own.CreateClient();
        var leaving = await own.SignUpAsync(client);
        var staying = await own.SignUpAsync(client);
        var pending = ApiClient.UniqueEmail("pending");
        await (await client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(pending, ApiClient.UniqueNickname()))).ShouldBe(HttpStatusCode.Created);
        var nobody = ApiClient.UniqueEmail("changed-away");
        await own.WithDbAsync(db =>
        {
            foreach (var address in new[] { leaving.Email, staying.Email, pending, nobody })
            {
                db.UndeliverableAddresses.Add(UndeliverableAddress.Mark(address, "550 5.1.1", DateTime.UtcNow));
            }

            return db.SaveChangesAsync();
        });
        async Task<List<string>> BouncedAsync() =>
            await own.WithDbAsync(db => db.UndeliverableAddresses.Select(u => u.NormalizedAddress).OrderBy(a => a).ToListAsync());

        await (await client.SendAsAsync(leaving, HttpMethod.Delete, "/api/me", new { password = leaving.Password, contentHandling = "delete" })).ShouldBe(HttpStatusCode.Accepted);

        Assert.DoesNotContain(UndeliverableAddress.Normalize(leaving.Email), await BouncedAsync());
        Assert.Contains(UndeliverableAddress.Normalize(nobody), await BouncedAsync());
        await own.SendAsync(new CleanUpNotificationsCommand());
        Assert.Equal(new[] { staying.Email, pending }.Select(UndeliverableAddress.Normalize).Order(StringComparer.Ordinal), await BouncedAsync());
    }

    [Fact]
    public async Task The_export_holds_the_profile_the_email_the_sessions_and_the_blocks()
    {
        var member = await factory.SignUpAsync(_client);
        var other = await factory.SignUpAsync(_client);
        await _client.SendAsAsync(member, HttpMethod.Put, $"/api/me/blocks/{other.Id}");

        var response = await _client.SendAsAsync(member, HttpMethod.Get, "/api/me/export");

        await response.ShouldBe(HttpStatusCode.OK);
        var export = await response.JsonAsync();
        var sections = export.GetProperty("sections");
        Assert.Equal(member.Email, sections.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal(member.Nickname, sections.GetProperty("profile").GetProperty("nickname").GetString());
        Assert.True(sections.GetProperty("sessions").GetArrayLength() >= 1);
        Assert.Equal(other.Id.ToString(), sections.GetProperty("blocks")[0].GetProperty("memberId").GetString());
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(member.Tokens.RefreshToken, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Deletion_needs_the_password_and_a_valid_choice()
    {
        var member = await factory.SignUpAsync(_client);
        var wrong = await _client.SendAsAsync(member, HttpMethod.Delete, "/api/me", new { password = "not my password", contentHandling = "delete" });
        await wrong.ShouldBe(HttpStatusCode.BadRequest);
        var badChoice = await _client.SendAsAsync(member, HttpMethod.Delete, "/api/me", new { password = member.Password, contentHandling = "keep" });
        await badChoice.ShouldBe(HttpStatusCode.BadRequest);
        await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_deleted_account_signs_out_everywhere_loses_its_credentials_and_frees_its_nickname()
    {
        var member = await factory.SignUpAsync(_client);
        var otherDevice = await _client.LoginAsync(member.Email, member.Password);
        var blocker = await factory.SignUpAsync(_client);
        await _client.SendAsAsync(blocker, HttpMethod.Put, $"/api/me/blocks/{member.Id}");

        var delete = await _client.SendAsAsync(member, HttpMethod.Delete, "/api/me", new { password = member.Password, contentHandling = "anonymize" });
        await delete.ShouldBe(HttpStatusCode.Accepted);

        await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
        await (await _client.SendAsync(ApiClient.Authorized(HttpMethod.Get, "/api/me", otherDevice.AccessToken))).ShouldBe(HttpStatusCode.Unauthorized);
        await (await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = otherDevice.RefreshToken })).ShouldBe(HttpStatusCode.Unauthorized);
        await (await _client.PostAsJsonAsync("/api/auth/login", new { email = member.Email, password = member.Password })).ShouldBe(HttpStatusCode.Unauthorized);
        await (await _client.SendAsAsync(blocker, HttpMethod.Get, $"/api/members/{member.Id}")).ShouldBe(HttpStatusCode.NotFound);

        var (credentials, tombstone, blocks) = await factory.WithDbAsync(async db => (
            await db.Users.CountAsync(u => u.Id == member.Id),
            await db.Members.AsNoTracking().SingleAsync(m => m.Id == member.Id),
            await db.MemberBlocks.CountAsync(b => b.BlockedId == member.Id || b.BlockerId == member.Id)));
        Assert.Equal(0, credentials);
        Assert.Equal(0, blocks);
        Assert.Equal("退会したメンバー", tombstone.Nickname);
        Assert.Null(tombstone.NormalizedNickname);
        Assert.Equal(string.Empty, tombstone.Bio);

        // The nickname and the address can be used again.
        var again = await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(member.Email, member.Nickname));
        await again.ShouldBe(HttpStatusCode.Created);
        Assert.Contains(await factory.AllToAsync(member.Email), m => m.Kind == "email-confirmation" && m.CreatedAt > tombstone.DeletedAt);
    }
}
