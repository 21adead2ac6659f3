using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Salon.Application.Members;
using Salon.Infrastructure.Identity;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Members;

/// <summary>Lockout stops password guessing without telling anyone that an address is registered, and
/// without keeping the owner out: they are told by e-mail and a password reset lets them back in.</summary>
public sealed class LockoutTests : IDisposable
{
    private readonly CountingHasher _hasher = new();
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;

    public LockoutTests()
    {
        _factory = new SalonApiFactory
        {
            ConfigureTestServices = services =>
            {
                services.RemoveAll<IPasswordHasher<SalonUser>>();
                services.AddSingleton<IPasswordHasher<SalonUser>>(_hasher);
            },
        };
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_locked_account_answers_byte_for_byte_like_an_unknown_address()
    {
        var member = await _factory.SignUpAsync(_client);
        var unknown = ApiClient.UniqueEmail();

        for (var i = 1; i <= 8; i++)
        {
            var registered = await Transcript.OfAsync(await LoginAsync(member.Email, "a wrong passphrase"));
            var nobody = await Transcript.OfAsync(await LoginAsync(unknown, "a wrong passphrase"));
            Assert.Equal(nobody, registered);
            Assert.StartsWith("401 ", registered, StringComparison.Ordinal);
        }

        var rightButLocked = await Transcript.OfAsync(await LoginAsync(member.Email, member.Password));
        Assert.Equal(await Transcript.OfAsync(await LoginAsync(unknown, member.Password)), rightButLocked);
    }

    [Fact]
    public async Task Every_failed_sign_in_runs_the_password_hasher_as_often_whatever_the_account()
    {
        var member = await _factory.SignUpAsync(_client);
        var pending = ApiClient.UniqueEmail();
        await (await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(pending, ApiClient.UniqueNickname(), "pending passphrase"))).ShouldBe(HttpStatusCode.Created);

        var work = new Dictionary<string, int>
        {
            ["unknown address"] = await HashingForAsync(ApiClient.UniqueEmail(), "a wrong passphrase", HttpStatusCode.Unauthorized),
            ["pending sign-up, wrong password"] = await HashingForAsync(pending, "a wrong passphrase", HttpStatusCode.Unauthorized),
        };
        for (var i = 1; i <= 5; i++)
        {
            work[$"wrong password {i}"] = await HashingForAsync(member.Email, "a wrong passphrase", HttpStatusCode.Unauthorized);
        }

        work["locked, wrong password"] = await HashingForAsync(member.Email, "a wrong passphrase", HttpStatusCode.Unauthorized);
        work["locked, right password"] = await HashingForAsync(member.Email, member.Password, HttpStatusCode.Unauthorized);
        work["pending sign-up, its password"] = await HashingForAsync(pending, "pending passphrase", HttpStatusCode.Forbidden);

        Assert.True(work.Values.All(n => n > 0), string.Join(", ", work));
        Assert.Single(work.Values.Distinct());
    }

    [Fact]
    public async Task Registering_hashes_as_much_for_a_registered_address_as_for_a_new_one()
    {
        var member = await _factory.SignUpAsync(_client);
        var before = _hasher.Calls;
        await (await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(member.Email, ApiClient.UniqueNickname()))).ShouldBe(HttpStatusCode.Created);
        var known = _hasher.Calls - before;

        before = _hasher.Calls;
        await (await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail(), ApiClient.UniqueNickname()))).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(known, _hasher.Calls - before);
        Assert.True(known > 0);
    }

    [Fact]
    public async Task The_owner_gets_one_neutral_mail_per_lockout_and_its_reset_link_lets_them_back_in()
    {
        var member = await _factory.SignUpAsync(_client);
        for (var i = 0; i < 4; i++)
        {
            await LoginAsync(member.Email, "a wrong passphrase");
        }

        Assert.Empty(await LockoutMailsAsync(member));
        for (var i = 0; i < 6; i++)
        {
            await LoginAsync(member.Email, "a wrong passphrase");
        }

        var mail = Assert.Single(await LockoutMailsAsync(member));
        Assert.Equal(MemberEmails.NeutralSubject, mail.Subject);
        Assert.Contains($"https://salon.test/reset-password?userId={member.Id}&token={mail.Value("token")}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://salon.test/forgot-password", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(member.Id.ToString(), mail.Value("userId"));

        // A lockout that has run out, and the next one, is a second mail.
        await ExpireLockoutAsync(member);
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(member.Email, "a wrong passphrase");
        }

        Assert.Equal(2, (await LockoutMailsAsync(member)).Count);
        await (await LoginAsync(member.Email, member.Password)).ShouldBe(HttpStatusCode.Unauthorized);

        var reset = await _client.PostAsJsonAsync("/api/auth/reset-password", new { userId = member.Id, token = mail.Value("token"), newPassword = "my new passphrase" });
        await reset.ShouldBe(HttpStatusCode.NoContent);
        await _client.LoginAsync(member.Email, "my new passphrase");
    }

    [Fact]
    public async Task A_reset_through_forgot_password_lifts_the_lockout()
    {
        var member = await _factory.SignUpAsync(_client);
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(member.Email, "a wrong passphrase");
        }

        await (await LoginAsync(member.Email, member.Password)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await _client.PostAsJsonAsync("/api/auth/forgot-password", new { email = member.Email })).ShouldBe(HttpStatusCode.Accepted);
        var mail = await _factory.LatestToAsync(member.Email, "password-reset");
        await (await _client.PostAsJsonAsync("/api/auth/reset-password", new { userId = member.Id, token = mail.Value("token"), newPassword = "my new passphrase" })).ShouldBe(HttpStatusCode.NoContent);

        await _client.LoginAsync(member.Email, "my new passphrase");
        var locked = await _factory.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync());
        Assert.Null(locked.LockoutEnd);
        Assert.Equal(0, locked.AccessFailedCount);
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        _client.PostAsJsonAsync("/api/auth/login", new { email, password });

    private async Task<int> HashingForAsync(string email, string password, HttpStatusCode expected)
    {
        var before = _hasher.Calls;
        await (await LoginAsync(email, password)).ShouldBe(expected);
        return _hasher.Calls - before;
    }

    private async Task<List<Domain.Notifications.OutboxEmail>> LockoutMailsAsync(TestMember member) =>
        (await _factory.AllToAsync(member.Email)).Where(m => m.Kind == "account-locked").ToList();

    /// <summary>Identity reads the system clock for lockouts, so the end is moved instead of the clock.</summary>
    private Task<int> ExpireLockoutAsync(TestMember member) => _factory.WithDbAsync(db =>
        db.Users.Where(u => u.Id == member.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(-1))));

    /// <summary>Identity's hasher, counting every hash and verification.</summary>
    private sealed class CountingHasher : IPasswordHasher<SalonUser>
    {
        private readonly PasswordHasher<SalonUser> _inner = new();
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public string HashPassword(SalonUser user, string password)
        {
            Interlocked.Increment(ref _calls);
            return _inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(SalonUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _calls);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
