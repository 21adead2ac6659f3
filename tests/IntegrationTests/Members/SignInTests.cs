using System.Net;
using System.Net.Http.Json;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Members;

public sealed class SignInTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_new_member_registers_confirms_by_email_signs_in_refreshes_and_signs_out()
    {
        var email = ApiClient.UniqueEmail();
        var register = await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(email, "はなこ", positions: ["sibling", "child"]));
        await register.ShouldBe(HttpStatusCode.Created);
        var registered = await register.JsonAsync();
        Assert.Equal("はなこ", registered.GetProperty("nickname").GetString());

        var mail = await factory.LatestToAsync(email, "email-confirmation");
        Assert.DoesNotContain("はなこ", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(registered.GetProperty("id").GetString(), mail.Value("userId"));

        var beforeConfirm = await _client.PostAsJsonAsync("/api/auth/login", new { email, password = "correct horse battery" });
        await beforeConfirm.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal("email-not-confirmed", (await beforeConfirm.JsonAsync()).GetProperty("code").GetString());

        var confirm = await _client.PostAsJsonAsync("/api/auth/confirm-email", new { userId = mail.Value("userId"), token = mail.Value("token") });
        await confirm.ShouldBe(HttpStatusCode.NoContent);

        var tokens = await _client.LoginAsync(email, "correct horse battery");
        Assert.Equal("Bearer", tokens.TokenType);
        Assert.True(tokens.ExpiresIn > 0);

        var me = await _client.SendAsync(ApiClient.Authorized(HttpMethod.Get, "/api/me", tokens.AccessToken));
        await me.ShouldBe(HttpStatusCode.OK);
        var profile = await me.JsonAsync();
        Assert.Equal(email, profile.GetProperty("email").GetString());
        Assert.Equal(["sibling", "child"], profile.GetProperty("familyPositions").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Equal(["member"], profile.GetProperty("roles").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.EndsWith("Z", profile.GetProperty("createdAt").GetString(), StringComparison.Ordinal);

        var refresh = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        await refresh.ShouldBe(HttpStatusCode.OK);
        var rotated = (await refresh.Content.ReadFromJsonAsync<Tokens>())!;
        Assert.NotEqual(tokens.RefreshToken, rotated.RefreshToken);

        var logout = await _client.SendAsync(ApiClient.Authorized(HttpMethod.Post, "/api/auth/logout", rotated.AccessToken));
        await logout.ShouldBe(HttpStatusCode.NoContent);

        var afterLogout = await _client.SendAsync(ApiClient.Authorized(HttpMethod.Get, "/api/me", rotated.AccessToken));
        await afterLogout.ShouldBe(HttpStatusCode.Unauthorized);
        var refreshAfterLogout = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = rotated.RefreshToken });
        await refreshAfterLogout.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Confirming_twice_is_fine_and_a_forged_token_is_refused()
    {
        var email = ApiClient.UniqueEmail();
        await (await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(email, ApiClient.UniqueNickname()))).ShouldBe(HttpStatusCode.Created);
        var mail = await factory.LatestToAsync(email, "email-confirmation");

        var forged = await _client.PostAsJsonAsync("/api/auth/confirm-email", new { userId = mail.Value("userId"), token = "Zm9yZ2Vk" });
        await forged.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("token-invalid", (await forged.JsonAsync()).GetProperty("code").GetString());

        for (var i = 0; i < 2; i++)
        {
            var confirm = await _client.PostAsJsonAsync("/api/auth/confirm-email", new { userId = mail.Value("userId"), token = mail.Value("token") });
            await confirm.ShouldBe(HttpStatusCode.NoContent);
        }
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_without_saying_so()
    {
        var member = await factory.SignUpAsync(_client);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await _client.PostAsJsonAsync("/api/auth/login", new { email = member.Email, password = "not the password" });
            await wrong.ShouldBe(HttpStatusCode.Unauthorized);
            Assert.Equal("invalid-credentials", (await wrong.JsonAsync()).GetProperty("code").GetString());
        }

        var right = await _client.PostAsJsonAsync("/api/auth/login", new { email = member.Email, password = member.Password });
        await right.ShouldBe(HttpStatusCode.Unauthorized);
        var problem = await right.JsonAsync();
        Assert.Equal("invalid-credentials", problem.GetProperty("code").GetString());
        Assert.False(problem.TryGetProperty("lockedUntil", out _));
    }

    [Fact]
    public async Task An_unknown_address_and_a_wrong_password_get_the_same_answer()
    {
        var member = await factory.SignUpAsync(_client);
        var unknown = await _client.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.UniqueEmail(), password = "whatever it is" });
        var wrong = await _client.PostAsJsonAsync("/api/auth/login", new { email = member.Email, password = "whatever it is" });

        await unknown.ShouldBe(HttpStatusCode.Unauthorized);
        await wrong.ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal((await unknown.JsonAsync()).GetProperty("title").GetString(), (await wrong.JsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_session()
    {
        var member = await factory.SignUpAsync(_client);
        var first = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = member.Tokens.RefreshToken });
        await first.ShouldBe(HttpStatusCode.OK);
        var rotated = (await first.Content.ReadFromJsonAsync<Tokens>())!;

        var replay = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = member.Tokens.RefreshToken });
        await replay.ShouldBe(HttpStatusCode.Unauthorized);

        var stolenSession = await _client.SendAsync(ApiClient.Authorized(HttpMethod.Get, "/api/me", rotated.AccessToken));
        await stolenSession.ShouldBe(HttpStatusCode.Unauthorized);
        var rotatedRefresh = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = rotated.RefreshToken });
        await rotatedRefresh.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Concurrent_refreshes_with_one_token_let_at_most_one_through()
    {
        var member = await factory.SignUpAsync(_client);
        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = member.Tokens.RefreshToken })));
        Assert.True(attempts.Count(r => r.StatusCode == HttpStatusCode.OK) <= 1);
        Assert.Contains(attempts, r => r.StatusCode == HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Other_sessions_stay_signed_in_when_one_device_signs_out()
    {
        var member = await factory.SignUpAsync(_client);
        var phone = await _client.LoginAsync(member.Email, member.Password);

        await (await _client.SendAsync(ApiClient.Authorized(HttpMethod.Post, "/api/auth/logout", phone.AccessToken))).ShouldBe(HttpStatusCode.NoContent);

        await (await _client.SendAsync(ApiClient.Authorized(HttpMethod.Get, "/api/me", phone.AccessToken))).ShouldBe(HttpStatusCode.Unauthorized);
        await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_garbage_bearer_token_is_unauthenticated_not_an_error()
    {
        var response = await _client.SendAsync(ApiClient.Authorized(HttpMethod.Get, "/api/me", "not-a-token"));
        await response.ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
