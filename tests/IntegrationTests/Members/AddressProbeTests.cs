using System.Net.Http.Json;
using System.Text.Json;
using Salon.Application.Members.CreateAdmin;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Members;

/// <summary>Whether an address has an account must not show in anything a stranger, a member or staff can
/// observe. The same run of requests about a registered address and about a new one must read the same.</summary>
public sealed class AddressProbeTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Every_answer_about_a_registered_address_equals_the_answer_about_a_new_one()
    {
        var prober = await factory.SignUpAsync(_client);
        var admin = await CreateAdminAsync();
        var owner = await factory.SignUpAsync(_client);

        var registered = await ProbeAsync(owner.Email, prober, admin);
        var fresh = await ProbeAsync(ApiClient.UniqueEmail(), prober, admin);

        Transcript.AssertSame(registered, fresh);
    }

    /// <summary>What someone who knows (or guesses) an address can do to find out whether it has an account:
    /// ask to move their own account to it, register it with a nickname and a password of their own, then use the id,
    /// the nickname and the password from that registration everywhere they can.</summary>
    private async Task<Transcript> ProbeAsync(string address, TestMember prober, TestMember admin)
    {
        var transcript = new Transcript();
        string nickname = ApiClient.UniqueNickname("さぐり"), laterNickname = ApiClient.UniqueNickname("さぐり");
        transcript.Name(nickname, "nickname");
        transcript.Name(laterNickname, "laterNickname");
        const string password = "the prober's own passphrase", laterPassword = "another passphrase of theirs";

        // A member asks to move their own account to the address: the answer, and what reaches their own mailbox (the
        // notice to the current address), must not depend on whether the address has an account.
        var mailBefore = (await factory.AllToAsync(prober.Email)).Count;
        await transcript.RecordAsync("change my address to it", await _client.SendAsAsync(prober, HttpMethod.Put, "/api/me/email", new { newEmail = address, currentPassword = prober.Password }));
        transcript.Record("e-mail to my own address", string.Join(", ", (await factory.AllToAsync(prober.Email)).Skip(mailBefore).Select(m => $"{m.Kind} {m.Subject}")));

        var registration = await transcript.RecordAsync("register", await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(address, nickname, password)));
        var id = IdOf(registration);
        transcript.Name(id, "id");

        await transcript.RecordAsync("register again, same nickname", await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(address, nickname, password)));
        await transcript.RecordAsync("nickname from another new address", await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail(), nickname)));
        await transcript.RecordAsync("nickname for an existing member", await _client.SendAsAsync(prober, HttpMethod.Patch, "/api/me", new { nickname }));

        await ProbeIdAsync(transcript, "first id", id, prober, admin);

        await transcript.RecordAsync("confirm with a guessed token", await _client.PostAsJsonAsync("/api/auth/confirm-email", new { userId = id, token = "Zm9yZ2Vk" }));
        await transcript.RecordAsync("reset with a guessed token", await _client.PostAsJsonAsync("/api/auth/reset-password", new { userId = id, token = "Zm9yZ2Vk", newPassword = "a guessed new passphrase" }));

        await transcript.RecordAsync("sign in with the registration's password", await LoginAsync(address, password));
        for (var i = 1; i <= 7; i++)
        {
            await transcript.RecordAsync($"wrong password {i}", await LoginAsync(address, "a wrong passphrase"));
        }

        await transcript.RecordAsync("registration's password after failures", await LoginAsync(address, password));
        await transcript.RecordAsync("forgot password", await _client.PostAsJsonAsync("/api/auth/forgot-password", new { email = address }));
        await transcript.RecordAsync("resend confirmation", await _client.PostAsJsonAsync("/api/auth/resend-confirmation", new { email = address }));

        var later = await transcript.RecordAsync("register again, new nickname", await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(address, laterNickname, laterPassword)));
        var laterId = IdOf(later);
        transcript.Name(laterId, "laterId");
        await ProbeIdAsync(transcript, "later id", laterId, prober, admin);
        await transcript.RecordAsync("later nickname from another address", await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail(), laterNickname)));
        await transcript.RecordAsync("sign in with the later password", await LoginAsync(address, laterPassword));
        await transcript.RecordAsync("sign in with the first password", await LoginAsync(address, password));

        await ProbeIdAsync(transcript, "first id at the end", id, prober, admin);
        return transcript;
    }

    /// <summary>Every route that takes a member id, as a member and as staff.</summary>
    private async Task ProbeIdAsync(Transcript transcript, string label, string id, TestMember prober, TestMember admin)
    {
        await transcript.RecordAsync($"{label}: profile", await _client.SendAsAsync(prober, HttpMethod.Get, $"/api/members/{id}"));
        await transcript.RecordAsync($"{label}: block", await _client.SendAsAsync(prober, HttpMethod.Put, $"/api/me/blocks/{id}"));
        await transcript.RecordAsync($"{label}: my blocks", await _client.SendAsAsync(prober, HttpMethod.Get, "/api/me/blocks"));
        await transcript.RecordAsync($"{label}: unblock", await _client.SendAsAsync(prober, HttpMethod.Delete, $"/api/me/blocks/{id}"));
        await transcript.RecordAsync($"{label}: suspend as a member", await _client.SendAsAsync(prober, HttpMethod.Post, $"/api/moderation/members/{id}/suspend", new { reason = "probe" }));
        await transcript.RecordAsync($"{label}: profile as admin", await _client.SendAsAsync(admin, HttpMethod.Get, $"/api/members/{id}"));
        await transcript.RecordAsync($"{label}: suspend as admin", await _client.SendAsAsync(admin, HttpMethod.Post, $"/api/moderation/members/{id}/suspend", new { reason = "probe" }));
        await transcript.RecordAsync($"{label}: unsuspend as admin", await _client.SendAsAsync(admin, HttpMethod.Post, $"/api/moderation/members/{id}/unsuspend", new { reason = "probe" }));
        await transcript.RecordAsync($"{label}: roles as admin", await _client.SendAsAsync(admin, HttpMethod.Put, $"/api/admin/members/{id}/roles", new { roles = new[] { "moderator" } }));
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        _client.PostAsJsonAsync("/api/auth/login", new { email, password });

    private static string IdOf(string registrationBody) =>
        JsonDocument.Parse(registrationBody).RootElement.GetProperty("id").GetString()!;

    private async Task<TestMember> CreateAdminAsync()
    {
        var email = ApiClient.UniqueEmail("admin");
        const string password = "an admin passphrase";
        var result = await factory.SendAsync(new CreateAdminCommand(email, "サロン運営" + Guid.NewGuid().ToString("N")[..4], password));
        return new TestMember(result.MemberId, email, password, "admin", await _client.LoginAsync(email, password));
    }
}
