using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;
using Salon.IntegrationTests.Meetings;

namespace Salon.IntegrationTests.Platform;

/// <summary>Input that used to answer 500 (issue 12, item 6): each now gets a 4xx ProblemDetails that says what is
/// wrong, naming the field where there is one.</summary>
public sealed class MalformedInputTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static HttpRequestMessage Raw(HttpMethod method, string url, string? accessToken, string json, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return request;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        await response.ShouldBe(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.String, problem.GetProperty("type").ValueKind);
        Assert.Equal(JsonValueKind.String, problem.GetProperty("title").ValueKind);
        return problem;
    }

    private static string[] Errors(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    /// <summary>The admin the CLI verb makes (also official and moderator by role).</summary>
    private Task<TestMember> AdminAsync() => factory.CreateOfficialAsync(_client);

    [Theory]
    [InlineData(null)]
    [InlineData("garbage")]
    [InlineData("Q2ZESjhBTUFBQUFBQUFBQQ")]
    public async Task Logout_without_a_valid_access_token_is_401_not_500(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var problem = await ProblemAsync(await _client.SendAsync(request), HttpStatusCode.Unauthorized);
        Assert.Equal("unauthenticated", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Logout_with_an_expired_access_token_is_401_not_500()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var timed = new SalonApiFactory { Clock = clock };
        var client = timed.CreateClient();
        var member = await timed.SignUpAsync(client);
        clock.Advance(TimeSpan.FromHours(2));

        await ProblemAsync(await client.SendAsAsync(member, HttpMethod.Post, "/api/auth/logout"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("application/json; charset=x-bogus")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/problem+json; charset=latin1")]
    public async Task A_json_body_in_a_charset_other_than_utf8_is_415(string contentType)
    {
        var member = await factory.SignUpAsync(_client);
        var anonymous = await _client.SendAsync(Raw(HttpMethod.Post, "/api/auth/login", null, """{"email":"a@example.com","password":"whatever it is"}""", contentType));
        Assert.Equal("unsupported-media-type", (await ProblemAsync(anonymous, HttpStatusCode.UnsupportedMediaType)).GetProperty("code").GetString());

        var signedIn = await _client.SendAsync(Raw(HttpMethod.Put, "/api/me/notification-settings", member.Tokens.AccessToken, """{"kinds":[]}""", contentType));
        await ProblemAsync(signedIn, HttpStatusCode.UnsupportedMediaType);

        // UTF-8, spelled either way, is fine.
        var utf8 = await _client.SendAsync(Raw(HttpMethod.Put, "/api/me/notification-settings", member.Tokens.AccessToken, """{"kinds":[]}""", "application/json; charset=UTF-8"));
        await utf8.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_null_tag_is_400_naming_tags_on_creating_and_editing_a_topic()
    {
        var member = await factory.SignUpAsync(_client);
        var created = await _client.SendAsync(Raw(HttpMethod.Post, "/api/topics", member.Tokens.AccessToken,
            """{"boardSlug":"parents","title":"t","body":"b","tags":[null],"anonymous":false}"""));
        Assert.Contains("空の項目", Assert.Single(Errors(await ProblemAsync(created, HttpStatusCode.BadRequest), "tags")), StringComparison.Ordinal);

        var topicId = await _client.CreateTopicAsync(member);
        var edited = await _client.SendAsync(Raw(HttpMethod.Patch, $"/api/topics/{topicId}", member.Tokens.AccessToken, """{"tags":["接し方",null]}"""));
        Assert.NotEmpty(Errors(await ProblemAsync(edited, HttpStatusCode.BadRequest), "tags"));
    }

    [Fact]
    public async Task A_null_kind_or_the_same_kind_twice_in_notification_settings_is_400_naming_kinds()
    {
        var member = await factory.SignUpAsync(_client);
        var withNull = await _client.SendAsync(Raw(HttpMethod.Put, "/api/me/notification-settings", member.Tokens.AccessToken, """{"kinds":[null]}"""));
        Assert.NotEmpty(Errors(await ProblemAsync(withNull, HttpStatusCode.BadRequest), "kinds"));

        var twice = await _client.SendAsync(Raw(HttpMethod.Put, "/api/me/notification-settings", member.Tokens.AccessToken,
            """{"kinds":[{"kind":"reactions","inApp":true,"email":"off"},{"kind":"reactions","inApp":false,"email":"digest"}]}"""));
        Assert.Contains("2回", Assert.Single(Errors(await ProblemAsync(twice, HttpStatusCode.BadRequest), "kinds")), StringComparison.Ordinal);

        var english = Raw(HttpMethod.Put, "/api/me/notification-settings", member.Tokens.AccessToken, """{"kinds":[null]}""");
        english.Headers.AcceptLanguage.ParseAdd("en");
        Assert.Equal("Notification kinds must not contain null items.", Assert.Single(Errors(await ProblemAsync(await _client.SendAsync(english), HttpStatusCode.BadRequest), "kinds")));
    }

    [Fact]
    public async Task Ten_thousand_notification_settings_are_refused_at_once()
    {
        var member = await factory.SignUpAsync(_client);
        var kinds = string.Join(',', Enumerable.Repeat("""{"kind":"reactions","inApp":true,"email":"off"}""", 10_000));
        var watch = Stopwatch.StartNew();
        var response = await _client.SendAsync(Raw(HttpMethod.Put, "/api/me/notification-settings", member.Tokens.AccessToken, $$"""{"kinds":[{{kinds}}]}"""));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("6個まで", Assert.Single(Errors(problem, "kinds")), StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_null_watched_word_is_400()
    {
        var admin = await AdminAsync();
        var response = await _client.SendAsync(Raw(HttpMethod.Put, "/api/moderation/watched-words", admin.Tokens.AccessToken, """[null]"""));
        Assert.NotEmpty(Errors(await ProblemAsync(response, HttpStatusCode.BadRequest), "words"));

        var tooMany = "[" + string.Join(',', Enumerable.Range(0, 1001).Select(i => $$"""{"word":"ことば{{i}}","action":"flag"}""")) + "]";
        await ProblemAsync(await _client.SendAsync(Raw(HttpMethod.Put, "/api/moderation/watched-words", admin.Tokens.AccessToken, tooMany)), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("from=9999-12-31&to=2026-12-31", "from")]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("from=0001-01-01", "from")]
    public async Task Insights_for_dates_out_of_range_are_400(string query, string field)
    {
        var admin = await AdminAsync();
        var problem = await ProblemAsync(await _client.SendAsAsync(admin, HttpMethod.Get, "/api/insights/summary?" + query), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Errors(problem, field));
    }

    [Fact]
    public async Task The_nul_character_is_400_naming_the_field_or_parameter()
    {
        var member = await factory.SignUpAsync(_client);
        var body = await _client.SendAsync(Raw(HttpMethod.Post, "/api/topics", member.Tokens.AccessToken,
            """{"boardSlug":"parents","title":"a\u0000b","body":"b","anonymous":false}"""));
        Assert.NotEmpty(Errors(await ProblemAsync(body, HttpStatusCode.BadRequest), "title"));

        var nested = await _client.SendAsync(Raw(HttpMethod.Put, "/api/me/notification-settings", member.Tokens.AccessToken,
            """{"kinds":[{"kind":"reactions","inApp":true,"email":"off\u0000"}]}"""));
        Assert.NotEmpty(Errors(await ProblemAsync(nested, HttpStatusCode.BadRequest), "kinds[0].email"));

        // An escaped backslash before "u0000" is text, not NUL.
        var text = await _client.SendAsync(Raw(HttpMethod.Post, "/api/safety/screen", member.Tokens.AccessToken, """{"text":"a\\u0000b"}"""));
        await text.ShouldBe(HttpStatusCode.OK);

        var query = await _client.SendAsAsync(member, HttpMethod.Get, "/api/boards/parents/topics?tag=%00");
        Assert.NotEmpty(Errors(await ProblemAsync(query, HttpStatusCode.BadRequest), "tag"));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_400_naming_the_field()
    {
        var member = await factory.SignUpAsync(_client);
        var response = await _client.SendAsync(Raw(HttpMethod.Post, "/api/topics", member.Tokens.AccessToken,
            """{"boardSlug":"parents","title":"t","body":"b","anonymous":"yes"}"""));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(Errors(problem, "anonymous"));

        var limit = await _client.SendAsAsync(member, HttpMethod.Get, "/api/me/bookmarks?limit=99999999999");
        Assert.NotEmpty(Errors(await ProblemAsync(limit, HttpStatusCode.BadRequest), "limit"));
    }

    [Fact]
    public async Task Every_patch_route_refuses_an_unknown_field_with_400_naming_it()
    {
        var admin = await AdminAsync();
        var topicId = await _client.CreateTopicAsync(admin);
        var replyId = await _client.ReplyAsync(admin, topicId);
        var meeting = await _client.SendAsAsync(admin, HttpMethod.Post, "/api/meetings", new
        {
            title = "交流会", startsAt = DateTime.UtcNow.AddDays(5), endsAt = DateTime.UtcNow.AddDays(5).AddHours(1), format = "online",
            joinUrl = "https://meet.example.org/x", capacity = 3,
        });
        await meeting.ShouldBe(HttpStatusCode.Created);
        var announcement = await _client.SendAsAsync(admin, HttpMethod.Post, "/api/announcements", new { title = "お知らせ", body = "本文", pinned = false, @public = true });
        await announcement.ShouldBe(HttpStatusCode.Created);
        var ids = new Dictionary<string, Guid>
        {
            ["/api/topics/{id}"] = topicId,
            ["/api/replies/{id}"] = replyId,
            ["/api/meetings/{id}"] = (await meeting.JsonAsync()).GetProperty("id").GetGuid(),
            ["/api/announcements/{id}"] = (await announcement.JsonAsync()).GetProperty("id").GetGuid(),
        };

        var document = await (await _client.GetAsync("/openapi/v1.json")).JsonAsync();
        var patches = document.GetProperty("paths").EnumerateObject().Where(p => p.Value.TryGetProperty("patch", out _)).Select(p => p.Name).ToList();
        Assert.Equal(5, patches.Count);
        foreach (var route in patches)
        {
            var url = ids.TryGetValue(route, out var id) ? route.Replace("{id}", id.ToString(), StringComparison.Ordinal) : route;
            var response = await _client.SendAsync(Raw(HttpMethod.Patch, url, admin.Tokens.AccessToken, """{"unexpectedField":1}"""));
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.NotEmpty(Errors(problem, "unexpectedField"));
        }
    }
}
