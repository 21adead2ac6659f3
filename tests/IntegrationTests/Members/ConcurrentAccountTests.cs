using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Members;

/// <summary>Requests on one account sent at once (parallel guesses, a double tap, two tabs, one e-mail link opened twice)
/// never answer 500, and each gets the answer it would get in some one-at-a-time order: every wrong password counts towards
/// the lockout, the same deletion is done once, a password change or a reset link works once (robustness review, item 9;
/// docs/adr/0046).</summary>
public sealed class ConcurrentAccountTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    /// <summary>Identity's MaxFailedAccessAttempts (MembersModule).</summary>
    private const int MaxFailedAccessAttempts = 5;

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Wrong_passwords_sent_at_once_are_each_counted()
    {
        var member = await factory.SignUpAsync(_client);

        var guesses = await AtOnceAsync(MaxFailedAccessAttempts - 1, i => LoginAsync(member.Email, $"wrong guess {i}"));

        await AllInvalidCredentialsAsync(guesses);
        var account = await AccountAsync(member);
        Assert.Equal(MaxFailedAccessAttempts - 1, account.AccessFailedCount);
        Assert.Null(account.LockoutEnd);
    }

    [Fact]
    public async Task As_many_wrong_passwords_at_once_as_the_lockout_allows_lock_the_account_without_saying_so()
    {
        var member = await factory.SignUpAsync(_client);

        var guesses = await AtOnceAsync(MaxFailedAccessAttempts, i => LoginAsync(member.Email, $"wrong guess {i}"));

        await AllInvalidCredentialsAsync(guesses);
        Assert.True((await AccountAsync(member)).LockoutEnd > DateTimeOffset.UtcNow);
        Assert.Single(await LockoutMailsAsync(member));
        var rightButLocked = await Transcript.OfAsync(await LoginAsync(member.Email, member.Password));
        Assert.Equal(await Transcript.OfAsync(await LoginAsync(ApiClient.UniqueEmail(), member.Password)), rightButLocked);
    }

    [Fact]
    public async Task A_burst_of_wrong_passwords_gets_the_same_answer_each_and_starts_one_lockout()
    {
        var member = await factory.SignUpAsync(_client);

        var guesses = await AtOnceAsync(12, i => LoginAsync(member.Email, $"wrong guess {i}"));

        await AllInvalidCredentialsAsync(guesses);
        Assert.True((await AccountAsync(member)).LockoutEnd > DateTimeOffset.UtcNow);
        Assert.Single(await LockoutMailsAsync(member));
        await (await LoginAsync(member.Email, member.Password)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Right_passwords_at_once_after_a_failure_all_sign_in()
    {
        var member = await factory.SignUpAsync(_client);
        await (await LoginAsync(member.Email, "one wrong guess")).ShouldBe(HttpStatusCode.Unauthorized);

        var signIns = await AtOnceAsync(6, _ => LoginAsync(member.Email, member.Password));

        foreach (var signIn in signIns)
        {
            await signIn.ShouldBe(HttpStatusCode.OK);
        }

        Assert.Equal(0, (await AccountAsync(member)).AccessFailedCount);
    }

    [Fact]
    public async Task Right_and_wrong_passwords_at_once_each_get_their_own_answer()
    {
        var member = await factory.SignUpAsync(_client);

        var attempts = await AtOnceAsync(6, i => LoginAsync(member.Email, i % 2 == 0 ? member.Password : $"wrong guess {i}"));

        for (var i = 0; i < attempts.Length; i++)
        {
            await attempts[i].ShouldBe(i % 2 == 0 ? HttpStatusCode.OK : HttpStatusCode.Unauthorized);
        }
    }

    /// <summary>Both are accepted when they overlap. A second one that the server only reaches after the first has committed
    /// finds its session ended (401), as any request after the deletion does; at least one try must overlap.</summary>
    [Fact]
    public async Task Deleting_the_account_twice_at_once_accepts_both_and_deletes_once()
    {
        var overlapped = 0;
        for (var i = 0; i < 4; i++)
        {
            var member = await factory.SignUpAsync(_client);
            var reader = await factory.SignUpAsync(_client);
            var topicId = await _client.CreateTopicAsync(member, title: $"退会の二度押し{i}");

            var deletions = await AtOnceAsync(2, _ => _client.SendAsAsync(member, HttpMethod.Delete, "/api/me", new { password = member.Password, contentHandling = "delete" }));

            var statuses = string.Join(", ", deletions.Select(d => (int)d.StatusCode));
            Assert.Contains(deletions, d => d.StatusCode == HttpStatusCode.Accepted);
            foreach (var late in deletions.Where(d => d.StatusCode != HttpStatusCode.Accepted))
            {
                Assert.True(late.StatusCode == HttpStatusCode.Unauthorized, statuses);
                Assert.Equal("unauthenticated", (await late.JsonAsync()).GetProperty("code").GetString());
            }

            overlapped += deletions.All(d => d.StatusCode == HttpStatusCode.Accepted) ? 1 : 0;

            var (credentials, tombstones) = await factory.WithDbAsync(async db => (
                await db.Users.CountAsync(u => u.Id == member.Id),
                await db.Members.AsNoTracking().Where(m => m.Id == member.Id).Select(m => m.Nickname).ToListAsync()));
            Assert.Equal(0, credentials);
            Assert.Equal(["退会したメンバー"], tombstones);
            await (await _client.SendAsAsync(reader, HttpMethod.Get, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.NotFound);
            await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
        }

        Assert.True(overlapped > 0, "No try had both deletions reach the server before the first one committed.");
    }

    [Fact]
    public async Task The_same_password_change_sent_twice_at_once_changes_it_once()
    {
        var member = await factory.SignUpAsync(_client);
        string[] newPasswords = ["first new passphrase", "second new passphrase"];

        var changes = await AtOnceAsync(2, i => _client.SendAsAsync(member, HttpMethod.Put, "/api/me/password", new { currentPassword = member.Password, newPassword = newPasswords[i] }));

        var winner = await OneSucceededAndTheOthersWereRefusedAsync(changes, HttpStatusCode.NoContent, "password-incorrect");
        await _client.LoginAsync(member.Email, newPasswords[winner]);
        await (await LoginAsync(member.Email, newPasswords[1 - winner])).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Single(await factory.AllToAsync(member.Email), m => m.Kind == "password-changed");
    }

    [Fact]
    public async Task One_reset_link_used_several_times_at_once_resets_the_password_once()
    {
        var member = await factory.SignUpAsync(_client);
        await (await _client.PostAsJsonAsync("/api/auth/forgot-password", new { email = member.Email })).ShouldBe(HttpStatusCode.Accepted);
        var mail = await factory.LatestToAsync(member.Email, "password-reset");

        var resets = await AtOnceAsync(5, i => _client.PostAsJsonAsync("/api/auth/reset-password", new { userId = member.Id, token = mail.Value("token"), newPassword = $"reset passphrase {i}" }));

        var winner = await OneSucceededAndTheOthersWereRefusedAsync(resets, HttpStatusCode.NoContent, "token-invalid");
        await _client.LoginAsync(member.Email, $"reset passphrase {winner}");
    }

    [Fact]
    public async Task One_confirmation_link_used_several_times_at_once_makes_one_member_and_is_fine_each_time()
    {
        var email = ApiClient.UniqueEmail();
        await (await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(email, ApiClient.UniqueNickname()))).ShouldBe(HttpStatusCode.Created);
        var mail = await factory.LatestToAsync(email, "email-confirmation");

        var confirmations = await AtOnceAsync(4, _ => _client.PostAsJsonAsync("/api/auth/confirm-email", new { userId = mail.Value("userId"), token = mail.Value("token") }));

        foreach (var confirmation in confirmations)
        {
            await confirmation.ShouldBe(HttpStatusCode.NoContent);
        }

        var id = Guid.Parse(mail.Value("userId"));
        Assert.Equal((1, 1), await factory.WithDbAsync(async db => (await db.Members.CountAsync(m => m.Id == id), await db.Users.CountAsync(u => u.Id == id))));
        await _client.LoginAsync(email, "correct horse battery");
    }

    [Fact]
    public async Task One_address_change_link_used_twice_at_once_changes_the_address_once()
    {
        var member = await factory.SignUpAsync(_client);
        var newEmail = ApiClient.UniqueEmail("new");
        await (await _client.SendAsAsync(member, HttpMethod.Put, "/api/me/email", new { newEmail, currentPassword = member.Password })).ShouldBe(HttpStatusCode.Accepted);
        var mail = await factory.LatestToAsync(newEmail, "email-change-confirmation");

        var confirmations = await AtOnceAsync(2, _ => _client.PostAsJsonAsync("/api/auth/confirm-email-change", new { userId = member.Id, email = newEmail, token = mail.Value("token") }));

        await OneSucceededAndTheOthersWereRefusedAsync(confirmations, HttpStatusCode.NoContent, "token-invalid");
        await _client.LoginAsync(newEmail, member.Password);
    }

    /// <summary>Sends <paramref name="count"/> requests together, each on a thread-pool thread of its own.</summary>
    private static Task<HttpResponseMessage[]> AtOnceAsync(int count, Func<int, Task<HttpResponseMessage>> send) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => send(i))));

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        _client.PostAsJsonAsync("/api/auth/login", new { email, password });

    private static async Task AllInvalidCredentialsAsync(IEnumerable<HttpResponseMessage> responses)
    {
        foreach (var response in responses)
        {
            await response.ShouldBe(HttpStatusCode.Unauthorized);
            Assert.Equal("invalid-credentials", (await response.JsonAsync()).GetProperty("code").GetString());
        }
    }

    /// <summary>The index of the one response with <paramref name="success"/>; every other one is a 4xx with <paramref name="refusal"/>.</summary>
    private static async Task<int> OneSucceededAndTheOthersWereRefusedAsync(HttpResponseMessage[] responses, HttpStatusCode success, string refusal)
    {
        var statuses = string.Join(", ", responses.Select(r => (int)r.StatusCode));
        var winner = Assert.Single(Enumerable.Range(0, responses.Length), i => responses[i].StatusCode == success);
        foreach (var response in responses.Where((_, i) => i != winner))
        {
            Assert.True((int)response.StatusCode is >= 400 and < 500, statuses);
            Assert.Equal(refusal, (await response.JsonAsync()).GetProperty("code").GetString());
        }

        return winner;
    }

    private Task<(int AccessFailedCount, DateTimeOffset? LockoutEnd)> AccountAsync(TestMember member) => factory.WithDbAsync(db =>
        db.Users.Where(u => u.Id == member.Id).Select(u => new ValueTuple<int, DateTimeOffset?>(u.AccessFailedCount, u.LockoutEnd)).SingleAsync());

    private async Task<List<Domain.Notifications.OutboxEmail>> LockoutMailsAsync(TestMember member) =>
        (await factory.AllToAsync(member.Email)).Where(m => m.Kind == "account-locked").ToList();
}
