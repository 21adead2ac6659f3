using System.Net;
using System.Net.Http.Json;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Members;

public sealed class PasswordTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Forgot_password_answers_the_same_for_unknown_addresses_and_sends_nothing()
    {
        var unknown = ApiClient.UniqueEmail();
        var response = await _client.PostAsJsonAsync("/api/auth/forgot-password", new { email = unknown });
        await response.ShouldBe(HttpStatusCode.Accepted);
        Assert.Empty(await factory.AllToAsync(unknown));
    }

    [Fact]
    public async Task A_reset_sets_a_new_password_lifts_the_lockout_and_signs_out_everywhere()
    {
        var member = await factory.SignUpAsync(_client);
        for (var i = 0; i < 5; i++)
        {
            await _client.PostAsJsonAsync("/api/auth/login", new { email = member.Email, password = "wrong password!" });
        }

        await (await _client.PostAsJsonAsync("/api/auth/forgot-password", new { email = member.Email })).ShouldBe(HttpStatusCode.Accepted);
        var mail = await factory.LatestToAsync(member.Email, "password-reset");

        var weak = await _client.PostAsJsonAsync("/api/auth/reset-password", new { userId = mail.Value("userId"), token = mail.Value("token"), newPassword = "short" });
        await weak.ShouldBe(HttpStatusCode.BadRequest);

        var reset = await _client.PostAsJsonAsync("/api/auth/reset-password", new { userId = mail.Value("userId"), token = mail.Value("token"), newPassword = "a brand new passphrase" });
        await reset.ShouldBe(HttpStatusCode.NoContent);

        await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
        await _client.LoginAsync(member.Email, "a brand new passphrase");
        var old = await _client.PostAsJsonAsync("/api/auth/login", new { email = member.Email, password = member.Password });
        await old.ShouldBe(HttpStatusCode.Unauthorized);

        var replay = await _client.PostAsJsonAsync("/api/auth/reset-password", new { userId = mail.Value("userId"), token = mail.Value("token"), newPassword = "yet another passphrase" });
        await replay.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_keeps_only_this_device_signed_in()
    {
        var member = await factory.SignUpAsync(_client);
        var otherDevice = await _client.LoginAsync(member.Email, member.Password);

        var wrong = await _client.SendAsAsync(member, HttpMethod.Put, "/api/me/password", new { currentPassword = "not it at all", newPassword = "another passphrase" });
        await wrong.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await wrong.JsonAsync()).GetProperty("errors").TryGetProperty("currentPassword", out _));

        var change = await _client.SendAsAsync(member, HttpMethod.Put, "/api/me/password", new { currentPassword = member.Password, newPassword = "another passphrase" });
        await change.ShouldBe(HttpStatusCode.NoContent);

        await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.OK);
        await (await _client.SendAsync(ApiClient.Authorized(HttpMethod.Get, "/api/me", otherDevice.AccessToken))).ShouldBe(HttpStatusCode.Unauthorized);
        await _client.LoginAsync(member.Email, "another passphrase");
        Assert.Contains(await factory.AllToAsync(member.Email), m => m.Kind == "password-changed");
    }

    [Fact]
    public async Task Changing_the_email_takes_effect_only_once_the_new_address_confirms()
    {
        var member = await factory.SignUpAsync(_client);
        var newEmail = ApiClient.UniqueEmail("new");

        var request = await _client.SendAsAsync(member, HttpMethod.Put, "/api/me/email", new { newEmail, currentPassword = member.Password });
        await request.ShouldBe(HttpStatusCode.Accepted);
        Assert.Contains(await factory.AllToAsync(member.Email), m => m.Kind == "email-change-notice");
        await _client.LoginAsync(member.Email, member.Password);

        var mail = await factory.LatestToAsync(newEmail, "email-change-confirmation");
        var confirm = await _client.PostAsJsonAsync("/api/auth/confirm-email-change", new { userId = mail.Value("userId"), email = newEmail, token = mail.Value("token") });
        await confirm.ShouldBe(HttpStatusCode.NoContent);

        var tokens = await _client.LoginAsync(newEmail, member.Password);
        var me = await (await _client.SendAsync(ApiClient.Authorized(HttpMethod.Get, "/api/me", tokens.AccessToken))).JsonAsync();
        Assert.Equal(newEmail, me.GetProperty("email").GetString());
        var oldLogin = await _client.PostAsJsonAsync("/api/auth/login", new { email = member.Email, password = member.Password });
        await oldLogin.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Changing_to_an_address_in_use_does_not_reveal_it_and_tells_its_owner()
    {
        var member = await factory.SignUpAsync(_client);
        var other = await factory.SignUpAsync(_client);

        var request = await _client.SendAsAsync(member, HttpMethod.Put, "/api/me/email", new { newEmail = other.Email, currentPassword = member.Password });

        await request.ShouldBe(HttpStatusCode.Accepted);
        var toOther = await factory.AllToAsync(other.Email);
        Assert.Contains(toOther, m => m.Kind == "already-registered");
        Assert.DoesNotContain(toOther, m => m.Kind == "email-change-confirmation");
        Assert.Contains(await factory.AllToAsync(member.Email), m => m.Kind == "email-change-notice");
    }
}
