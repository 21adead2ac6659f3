using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Salon.Infrastructure.Persistence;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;
using Salon.Web.Hosting;

namespace Salon.IntegrationTests.Platform;

/// <summary>The redaction policy (docs/operations.md), checked at the most verbose log level: no e-mail,
/// password, token or post text reaches any log, from Salon, ASP.NET Core, EF Core or Hangfire; nor, from the web
/// client on its own host, a token, an e-mail address, a member id or a search word in a link's query string.</summary>
public sealed class LogRedactionTests : IDisposable
{
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;
    private readonly LostRace _race = new();

    public LogRedactionTests()
    {
        _factory = new SalonApiFactory();
        _factory.Settings["Logging:LogLevel:Default"] = "Trace";
        _factory.Settings["Logging:LogLevel:Microsoft"] = "Trace";
        _factory.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        _factory.Settings["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace";
        _factory.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace";
        _factory.Settings["Logging:LogLevel:Hangfire"] = "Trace";

        _factory.ConfigureTestServices = services => SalonApiFactory.ConfigureDbContext(services, options => options.AddInterceptors(_race));

        // On PostgreSQL, as an operator debugging with Npgsql's error detail on: a failed save's exception would carry
        // the values of a unique key.
        if (_factory.PostgresConnectionString is { } postgres)
        {
            _factory.Settings["Database:ConnectionString"] = postgres + ";Include Error Detail=true";
        }

        // On a real port, so that the standalone web client can call it.
        _factory.UseKestrel(0);
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Emails_passwords_tokens_and_post_text_never_reach_the_logs()
    {
        var email = ApiClient.UniqueEmail("redaction");
        const string password = "secret horse battery 4711";
        const string title = "誰にも言えない相談XYZZY";
        const string body = "本文にしか書かない言葉PLUGH-まほうのことば";
        const string replyBody = "返信にしか書かない言葉FROBOZZ";
        const string queryToken = "qtok-9f8e7d6c5b4a39281706";

        await (await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(email, ApiClient.UniqueNickname(), password))).ShouldBe(HttpStatusCode.Created);
        var mail = await _factory.LatestToAsync(email, "email-confirmation");
        var confirmationToken = mail.Value("token");
        await (await _client.PostAsJsonAsync("/api/auth/confirm-email", new { userId = mail.Value("userId"), token = confirmationToken })).ShouldBe(HttpStatusCode.NoContent);
        var tokens = await _client.LoginAsync(email, password);
        var member = new TestMember(Guid.Parse(mail.Value("userId")), email, password, "redaction", tokens);

        var topicId = await _client.CreateTopicAsync(member, title: title, body: body);
        var other = await _factory.SignUpAsync(_client);
        await _client.ReplyAsync(other, topicId, body: replyBody);
        await _client.GetTopicAsync(member, topicId);
        await (await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken })).ShouldBe(HttpStatusCode.OK);

        // A token in a query string, as in an unsubscribe link.
        await _client.GetAsync($"/api/unsubscribe?token={queryToken}");
        await _client.PostAsync($"/api/unsubscribe?token={queryToken}", null);

        // A failed sign-in with the address, and the dashboard form.
        await _client.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong " + password });
        await _client.PostAsync("/hangfire/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["password"] = password }));

        var logs = _factory.Logs.Entries.ToList();

        // The capture really was verbose: EF Core commands and request logs are there.
        Assert.Contains(logs, l => l.Category.StartsWith("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal));
        Assert.True(logs.Any(l => l.Category == "Salon.Requests" && l.Message.Contains("/api/unsubscribe", StringComparison.Ordinal)), string.Join("\n", logs.Where(l => l.Category == "Salon.Requests").Select(l => l.Message)));
        Assert.Contains(logs, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Trace);

        string[] secrets =
        [
            email, email.Split('@')[0], password, title, body, replyBody, queryToken, confirmationToken,
            tokens.AccessToken, tokens.RefreshToken, other.Email,
        ];
        AssertNoneLogged(logs, secrets, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standalone_web_client_logs_no_token_email_member_id_or_search_word_from_its_links()
    {
        var member = await _factory.SignUpAsync(_client);
        var other = await _factory.SignUpAsync(_client);
        var newEmail = ApiClient.UniqueEmail("newaddress");
        const string token = "CfDJ8-link-token-SECRET-4711";
        const string resetToken = "reset-token-SECRET-0815";
        const string newPassword = "new secret horse 0815";
        const string searchWord = "死にたい";

        // The web client as its own host (docs/deploy.md), at the most verbose level, in front of the API.
        var logs = new CapturedLogs();
        await using var web = WebClientProgram.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--Web:ApiBaseUrl", _client.BaseAddress!.ToString(),
            "--Web:KeysDirectory", Path.Combine(_factory.Directory, "web-keys"),
            "--Security:UseHttps", "false",
            "--Web:SecureCookie", "false",
            "--Logging:LogLevel:Default", "Trace",
            "--Logging:LogLevel:Microsoft", "Trace",
            "--Logging:LogLevel:Microsoft.AspNetCore", "Trace",
            "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Trace",
        ]);
        web.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        await web.StartAsync();
        var site = new Uri(web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = site };

        // The e-mail links, each opened and its button pressed (the form posts back to the same address).
        var links = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"/confirm-email?userId={member.Id}&token={token}", []),
            ($"/reset-password?userId={member.Id}&token={resetToken}", new() { ["Form.NewPassword"] = newPassword }),
            ($"/confirm-email-change?userId={member.Id}&email={Uri.EscapeDataString(newEmail)}&token={token}", []),
        };
        foreach (var (url, fields) in links)
        {
            await WebForms.PostBackAsync(browser, await browser.GetAsync(url), fields);
        }

        // A search: first signed out (sent to the sign-in page, the search in its return address), then signed in.
        var signIn = await browser.GetAsync($"/search?q={Uri.EscapeDataString(searchWord)}");
        var results = await WebForms.PostBackAsync(browser, signIn, new() { ["Form.Email"] = member.Email, ["Form.Password"] = member.Password });
        Assert.Contains($"「{searchWord}」の検索結果", await results.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another member's profile: the page's call to the API has the member's id in its path.
        await (await browser.GetAsync($"/members/{other.Id}")).ShouldBe(HttpStatusCode.OK);
        await web.StopAsync();

        var entries = logs.Entries.ToList();
        Assert.Contains(entries, l => l.Level == LogLevel.Trace);
        string[] secrets =
        [
            token, resetToken, newPassword, newEmail, newEmail.Split('@')[0], member.Email, member.Password, member.Id.ToString(),
            searchWord, other.Id.ToString(),
        ];
        AssertNoneLogged(entries, secrets.SelectMany(s => new[] { s, Uri.EscapeDataString(s), Uri.EscapeDataString(Uri.EscapeDataString(s)) }), StringComparison.OrdinalIgnoreCase);

        // The requests are logged, by their route.
        Assert.Contains(entries, l => l.Category == "Salon.Requests" && l.Message.Contains("/confirm-email-change responded", StringComparison.Ordinal));
    }

    /// <summary>A save that loses a race for a unique key (a nickname taken between the check and the commit) is
    /// answered 409, and EF Core logs the failed command and the exception at Error level on its own. Those entries
    /// carry the SQL with its parameters as <c>?</c>, the table and column of the key, never a value: no e-mail address,
    /// nickname, password, token, member id or profile text, on either provider, on PostgreSQL even with Npgsql's error
    /// detail asked for in the connection string (which put the nickname in the exception before).</summary>
    [Fact]
    public async Task A_unique_key_conflict_answered_409_logs_no_email_nickname_token_member_id_or_text()
    {
        // A sign-up holding a nickname; another registers the same one and loses the race at the commit.
        var nickname = ApiClient.UniqueNickname("さきのひと");
        var firstEmail = ApiClient.UniqueEmail("holder");
        var first = await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(firstEmail, nickname));
        await first.ShouldBe(HttpStatusCode.Created);
        var firstId = (await first.JsonAsync()).GetProperty("id").GetString()!;

        var secondEmail = ApiClient.UniqueEmail("latecomer");
        const string password = "late horse battery 0815";
        _race.Arm(nickname);
        var second = await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(secondEmail, nickname, password));
        Assert.True(_race.Fired, "the registration's nickname check did not run");
        await second.ShouldBe(HttpStatusCode.Conflict);

        // A member changing their profile to another member's nickname, with a bio, loses the same race.
        var member = await _factory.SignUpAsync(_client);
        var other = await _factory.SignUpAsync(_client);
        const string bio = "プロフィールにしか書かない言葉XYZZY";
        _race.Arm(other.Nickname);
        var change = await _client.SendAsAsync(member, HttpMethod.Patch, "/api/me", new { nickname = other.Nickname, bio });
        Assert.True(_race.Fired, "the profile's nickname check did not run");
        _race.Disarm();
        await change.ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("nickname-taken", (await change.JsonAsync()).GetProperty("code").GetString());

        var logs = _factory.Logs.Entries.ToList();
        var failures = logs.Where(l => l.Level >= LogLevel.Error && l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)).ToList();
        Assert.True(failures.Count >= 2, "EF Core logged no failed save: the test provoked nothing");
        string[] secrets =
        [
            firstEmail, firstEmail.Split('@')[0], secondEmail, secondEmail.Split('@')[0], password, nickname, firstId,
            member.Email, member.Email.Split('@')[0], member.Id.ToString(), other.Nickname, other.Id.ToString(), bio,
            member.Tokens.AccessToken, member.Tokens.RefreshToken,
        ];
        AssertNoneLogged(logs, secrets, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>No entry's message or exception contains any of the secrets.</summary>
    private static void AssertNoneLogged(IEnumerable<LogEntry> entries, IEnumerable<string> secrets, StringComparison comparison)
    {
        var all = secrets.ToList();
        foreach (var entry in entries)
        {
            var text = entry.Message + " " + entry.Exception;
            foreach (var secret in all)
            {
                Assert.False(text.Contains(secret, comparison), $"A {entry.Level} log from {entry.Category} contains a secret: {text}");
            }
        }
    }

    [Fact]
    public void EF_Core_never_logs_parameter_values()
    {
        using var scope = _factory.Services.CreateScope();
        // The context in use (SalonDbContext on SQLite, PostgresSalonDbContext on PostgreSQL) and its options.
        var db = scope.ServiceProvider.GetRequiredService<SalonDbContext>();
        var core = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>();
        Assert.NotNull(core);
        Assert.False(core?.IsSensitiveDataLoggingEnabled ?? false);
    }
}
