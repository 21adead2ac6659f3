using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Salon.Infrastructure.Persistence;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>The redaction policy (docs/operations.md), checked at the most verbose log level: no e-mail,
/// password, token or post text reaches any log, from Salon, ASP.NET Core, EF Core or Hangfire.</summary>
public sealed class LogRedactionTests : IDisposable
{
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;

    public LogRedactionTests()
    {
        _factory = new SalonApiFactory();
        _factory.Settings["Logging:LogLevel:Default"] = "Trace";
        _factory.Settings["Logging:LogLevel:Microsoft"] = "Trace";
        _factory.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        _factory.Settings["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace";
        _factory.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace";
        _factory.Settings["Logging:LogLevel:Hangfire"] = "Trace";
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
        foreach (var entry in logs)
        {
            var text = entry.Message + " " + entry.Exception;
            foreach (var secret in secrets)
            {
                Assert.False(
                    text.Contains(secret, StringComparison.Ordinal),
                    $"A {entry.Level} log from {entry.Category} contains a secret: {entry.Message}");
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
