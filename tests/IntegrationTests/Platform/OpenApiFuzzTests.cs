using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Salon.IntegrationTests.Infrastructure;
using Salon.IntegrationTests.Meetings;
using Xunit.Abstractions;

namespace Salon.IntegrationTests.Platform;

/// <summary>Every operation of the served OpenAPI document, fed malformed input as an anonymous caller, a member
/// and an admin: no answer may be a 5xx, and every 4xx must be a ProblemDetails (application/problem+json with
/// type, title and status). Bounded and deterministic (fixed seed; SALON_FUZZ_SEED picks another for a local
/// exploration), so it runs in CI on both providers.</summary>
public sealed class OpenApiFuzzTests : IDisposable
{
    private const int DefaultSeed = 20261205;

    /// <summary>Cases per operation for the callers it is not meant for (who mostly stop at the door: 401, 403).</summary>
    private const int SampleCases = 6;

    private readonly SalonApiFactory _factory = new();
    private readonly ITestOutputHelper _output;
    private readonly HttpClient _client;

    public OpenApiFuzzTests(ITestOutputHelper output)
    {
        _output = output;

        // Thousands of requests: only warnings and errors are logged (an unhandled exception is an error).
        _factory.Settings["Logging:LogLevel:Default"] = "Warning";

        // Hundreds of requests check a password; the fuzz is about input handling, not the cost of PBKDF2.
        _factory.ConfigureTestServices = services => services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1);
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task No_malformed_request_to_any_operation_gets_a_server_error_or_a_non_problem_answer()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SALON_FUZZ_SEED"), out var s) ? s : DefaultSeed;
        var (values, member, admin) = await SeedAsync();
        var document = await (await _client.GetAsync("/openapi/v1.json")).JsonAsync();
        var fuzzer = new OpenApiFuzzer(document, values, seed);

        // Destructive operations last, so that the others still find the seeded content and sessions.
        var operations = fuzzer.Operations().OrderBy(o => Destructive(o) ? 1 : 0).ThenBy(o => o.Template, StringComparer.Ordinal).ToList();
        Assert.True(operations.Count > 60, $"Only {operations.Count} operations in the OpenAPI document");

        var failures = new List<string>();
        var slowest = new List<(TimeSpan Took, string Case)>();
        var sent = 0;
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var operation in operations)
        {
            var cases = fuzzer.Cases(operation);
            // Every case as the caller the operation is for (staff routes: the admin), a sample as the other two.
            var primary = StaffOnly(operation) ? "admin" : "member";
            foreach (var (caller, token) in new[] { ("anonymous", (string?)null), ("member", member.Tokens.AccessToken), ("admin", admin.Tokens.AccessToken) })
            {
                foreach (var fuzzCase in caller == primary ? cases : fuzzer.Sample(cases, SampleCases))
                {
                    sent++;
                    var started = watch.Elapsed;
                    if (await CheckAsync(fuzzCase, caller, token) is { } failure)
                    {
                        failures.Add(failure);
                    }

                    slowest.Add((watch.Elapsed - started, $"{fuzzCase.Operation} [{caller}] {fuzzCase.Description}"));
                }
            }
        }

        _output.WriteLine($"seed {seed}: {sent} requests to {operations.Count} operations in {watch.Elapsed.TotalSeconds:F1} s; {failures.Count} failures; CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s");
        foreach (var (took, slow) in slowest.OrderByDescending(s => s.Took).Take(5))
        {
            _output.WriteLine($"  {took.TotalMilliseconds:F0} ms  {slow}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed (seed {seed}):\n" + string.Join('\n', failures.Distinct().Take(60)));
    }

    private async Task<string?> CheckAsync(FuzzCase fuzzCase, string caller, string? token)
    {
        using var request = new HttpRequestMessage(fuzzCase.Method, fuzzCase.Url) { Content = fuzzCase.Content() };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var logsBefore = _factory.Logs.Entries.Count;
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            return $"{fuzzCase.Operation} [{caller}] {fuzzCase.Description}: the request failed: {e.GetType().Name} {e.Message}";
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                var exception = _factory.Logs.Entries.Skip(logsBefore).FirstOrDefault(e => e.Level >= LogLevel.Error && e.Exception is not null)?.Exception;
                return $"{fuzzCase.Operation} [{caller}] {fuzzCase.Description}: {status} {exception?.GetType().Name}: {exception?.Message.Split('\n')[0]}";
            }

            if (status >= 400 && ProblemDefect(response, body, status) is { } defect)
            {
                return $"{fuzzCase.Operation} [{caller}] {fuzzCase.Description}: {status} is not a ProblemDetails ({defect}): {Shorten(body)}";
            }

            return null;
        }
    }

    private static string? ProblemDefect(HttpResponseMessage response, string body, int status)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"content type {response.Content.Headers.ContentType?.MediaType ?? "none"}";
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("status", out var problemStatus) || problemStatus.ValueKind != JsonValueKind.Number
                || problemStatus.GetInt32() != status)
            {
                return "type, title or status missing or wrong";
            }
        }
        catch (JsonException)
        {
            return "not JSON";
        }

        return null;
    }

    private static bool Destructive(FuzzOperation operation) =>
        operation.Method == "delete" || operation.Template is "/api/auth/logout" or "/api/moderation/members/{id}/suspend";

    private static bool StaffOnly(FuzzOperation operation) =>
        operation.Template.StartsWith("/api/moderation/", StringComparison.Ordinal)
        || operation.Template.StartsWith("/api/admin/", StringComparison.Ordinal)
        || operation.Template.StartsWith("/api/insights/", StringComparison.Ordinal)
        || (operation.Template.StartsWith("/api/announcements", StringComparison.Ordinal) && operation.Method != "get")
        || (operation.Template.StartsWith("/api/meetings", StringComparison.Ordinal) && operation.Method is "post" or "patch" && !operation.Template.EndsWith("/applications", StringComparison.Ordinal));

    /// <summary>Real content for the baselines and path values: a topic, a reply, a meeting, an announcement and a
    /// moderation item.</summary>
    private async Task<(FuzzValues, TestMember Member, TestMember Admin)> SeedAsync()
    {
        var member = await _factory.SignUpAsync(_client);
        var other = await _factory.SignUpAsync(_client);
        var admin = await _factory.CreateOfficialAsync(_client);

        var boards = (await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/boards")).JsonAsync()).EnumerateArray().ToList();
        var tag = (await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/tags")).JsonAsync()).EnumerateArray().First().GetProperty("name").GetString()!;
        string? slug = null;
        Guid topicId = default;
        foreach (var board in boards.Select(b => b.GetProperty("slug").GetString()!))
        {
            var topic = await _client.SendAsAsync(member, HttpMethod.Post, "/api/topics",
                new { boardSlug = board, title = "ふぁずのための相談", body = "本文です。", tags = new[] { tag }, anonymous = false, repliesWelcome = true });
            if (topic.StatusCode == HttpStatusCode.Created)
            {
                slug = board;
                topicId = (await topic.JsonAsync()).GetProperty("id").GetGuid();
                break;
            }
        }

        Assert.NotNull(slug);
        var reply = await _client.SendAsAsync(other, HttpMethod.Post, $"/api/topics/{topicId}/replies", new { body = "返信です。", anonymous = true });
        await reply.ShouldBe(HttpStatusCode.Created);
        var replyId = (await reply.JsonAsync()).GetProperty("id").GetGuid();
        var meeting = await _client.SendAsAsync(admin, HttpMethod.Post, "/api/meetings", new
        {
            title = "ふぁずの交流会", description = "説明", startsAt = DateTime.UtcNow.AddDays(20), endsAt = DateTime.UtcNow.AddDays(20).AddHours(2),
            format = "online", joinUrl = "https://meet.example.org/fuzz", capacity = 1,
        });
        await meeting.ShouldBe(HttpStatusCode.Created);
        var announcement = await _client.SendAsAsync(admin, HttpMethod.Post, "/api/announcements", new { title = "お知らせ", body = "本文", pinned = false, @public = true });
        await announcement.ShouldBe(HttpStatusCode.Created);
        var report = await _client.SendAsAsync(member, HttpMethod.Post, "/api/reports", new { postId = replyId, reason = "spam" });
        await report.ShouldBe(HttpStatusCode.Created);
        var queue = await (await _client.SendAsAsync(admin, HttpMethod.Get, "/api/moderation/queue")).JsonAsync();

        var values = new FuzzValues
        {
            TopicId = topicId,
            ReplyId = replyId,
            MeetingId = (await meeting.JsonAsync()).GetProperty("id").GetGuid(),
            AnnouncementId = (await announcement.JsonAsync()).GetProperty("id").GetGuid(),
            MemberId = member.Id,
            OtherMemberId = other.Id,
            ModerationItemId = queue.GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid(),
            BoardSlug = slug!,
            Tag = tag,
        };
        return (values, member, admin);
    }

    private static string Shorten(string value) => value.Length > 200 ? value[..200] + "…" : value;
}
