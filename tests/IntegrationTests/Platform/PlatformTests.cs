using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salon.Infrastructure.Jobs;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

public sealed class PlatformTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Health_endpoints_answer_without_signing_in()
    {
        await (await _client.GetAsync("/health/live")).ShouldBe(HttpStatusCode.OK);
        var ready = await _client.GetAsync("/health/ready");
        await ready.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task The_database_is_a_real_sqlite_file_in_wal_mode_with_migrations_applied()
    {
        Assert.True(File.Exists(Path.Combine(factory.Directory, "salon.db")));
        var (journal, pending) = await factory.WithDbAsync(async db =>
            (await SqlitePragma.ReadAsync<string>(db, "journal_mode"), (await db.Database.GetPendingMigrationsAsync()).Count()));
        Assert.Equal("wal", journal);
        Assert.Equal(0, pending);
    }

    [Fact]
    public async Task The_default_boards_and_tags_are_seeded_in_Japanese_once()
    {
        var (boards, tags) = await factory.WithDbAsync(async db =>
            (await db.Boards.AsNoTracking().ToListAsync(), await db.Tags.AsNoTracking().ToListAsync()));
        foreach (var name in new[] { "親の立場", "きょうだいの立場", "子どもの立場", "配偶者・パートナーの立場", "発症間もない家族", "ひとりごと（返信不要）", "親亡き後", "雑談" })
        {
            Assert.Single(boards, b => b.Name == name);
        }

        foreach (var name in new[] { "接し方", "お金の問題", "医療・服薬", "仕事との両立", "福祉サービス", "発症間もない" })
        {
            Assert.Single(tags, t => t.Name == name);
        }

        Assert.False(boards.Single(b => b.Slug == "monologue").RepliesWelcomeByDefault);

        // Seeding again adds nothing.
        await Salon.Infrastructure.Persistence.DatabaseInitializer.InitializeDatabaseAsync(factory.Services);
        Assert.Equal(boards.Count, await factory.WithDbAsync(db => db.Boards.CountAsync()));
    }

    [Fact]
    public async Task The_openapi_document_is_3_1_and_describes_every_members_route()
    {
        var response = await _client.GetAsync("/openapi/v1.json");
        await response.ShouldBe(HttpStatusCode.OK);
        var document = await response.JsonAsync();
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        foreach (var route in new[]
        {
            "/api/auth/register", "/api/auth/confirm-email", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout",
            "/api/auth/forgot-password", "/api/auth/reset-password", "/api/me", "/api/me/password", "/api/me/email",
            "/api/me/export", "/api/me/blocks", "/api/me/blocks/{memberId}", "/api/members/{id}", "/api/admin/members/{id}/roles",
        })
        {
            Assert.True(paths.TryGetProperty(route, out _), $"{route} is not in the OpenAPI document");
        }

        var login = paths.GetProperty("/api/auth/login").GetProperty("post").GetProperty("responses");
        Assert.True(login.TryGetProperty("200", out _));
        Assert.True(login.TryGetProperty("401", out _));
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
    }

    /// <summary>Every public route, with its verb (the contract clients are written against; README "A first tour with curl").</summary>
    public static TheoryData<string, string> ContractRoutes() => new()
    {
        { "post", "/api/auth/register" }, { "post", "/api/auth/confirm-email" }, { "post", "/api/auth/login" },
        { "post", "/api/auth/refresh" }, { "post", "/api/auth/logout" }, { "post", "/api/auth/forgot-password" },
        { "post", "/api/auth/reset-password" }, { "get", "/api/me" }, { "patch", "/api/me" }, { "delete", "/api/me" },
        { "put", "/api/me/password" }, { "put", "/api/me/email" }, { "get", "/api/me/export" },
        { "put", "/api/me/blocks/{memberId}" }, { "delete", "/api/me/blocks/{memberId}" }, { "get", "/api/me/blocks" },
        { "get", "/api/members/{id}" }, { "get", "/api/boards" }, { "get", "/api/tags" }, { "get", "/api/boards/{slug}/topics" },
        { "post", "/api/topics" }, { "get", "/api/topics/{id}" }, { "patch", "/api/topics/{id}" }, { "delete", "/api/topics/{id}" },
        { "post", "/api/topics/{id}/replies" }, { "patch", "/api/replies/{id}" }, { "delete", "/api/replies/{id}" },
        { "put", "/api/posts/{id}/reactions/{kind}" }, { "delete", "/api/posts/{id}/reactions/{kind}" },
        { "put", "/api/topics/{id}/follow" }, { "delete", "/api/topics/{id}/follow" },
        { "put", "/api/topics/{id}/bookmark" }, { "delete", "/api/topics/{id}/bookmark" }, { "get", "/api/me/bookmarks" },
        { "get", "/api/search" }, { "get", "/api/safety/resources" }, { "post", "/api/safety/screen" }, { "post", "/api/reports" },
        { "get", "/api/moderation/queue" }, { "post", "/api/moderation/items/{id}/resolve" },
        { "post", "/api/moderation/members/{id}/suspend" }, { "post", "/api/moderation/members/{id}/unsuspend" },
        { "get", "/api/moderation/audit" }, { "get", "/api/moderation/watched-words" }, { "put", "/api/moderation/watched-words" },
        { "get", "/api/meetings" }, { "post", "/api/meetings" }, { "patch", "/api/meetings/{id}" }, { "post", "/api/meetings/{id}/cancel" },
        { "get", "/api/meetings/{id}" }, { "post", "/api/meetings/{id}/applications" }, { "delete", "/api/meetings/{id}/applications/me" },
        { "get", "/api/meetings/{id}/applications" }, { "get", "/api/meetings/{id}/calendar.ics" },
        { "get", "/api/announcements" }, { "post", "/api/announcements" }, { "patch", "/api/announcements/{id}" },
        { "delete", "/api/announcements/{id}" }, { "get", "/api/notifications" }, { "post", "/api/notifications/read" },
        { "get", "/api/me/notification-settings" }, { "put", "/api/me/notification-settings" },
        { "get", "/api/unsubscribe" }, { "post", "/api/unsubscribe" }, { "get", "/api/insights/summary" },
    };

    [Theory]
    [MemberData(nameof(ContractRoutes))]
    public async Task Every_contract_route_is_in_the_openapi_document_with_its_verb(string verb, string route)
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).JsonAsync();
        Assert.True(document.GetProperty("paths").TryGetProperty(route, out var path), $"{route} is not in the OpenAPI document");
        Assert.True(path.TryGetProperty(verb, out var operation), $"{verb.ToUpperInvariant()} {route} is not in the OpenAPI document");
        Assert.True(operation.GetProperty("responses").EnumerateObject().Any(), $"{verb.ToUpperInvariant()} {route} declares no responses");
    }

    [Fact]
    public void Every_modules_recurring_job_registrar_is_registered_in_the_host()
    {
        var registered = factory.Services.GetServices<IRecurringJobRegistrar>().Select(r => r.GetType()).ToHashSet();
        var declared = typeof(IRecurringJobRegistrar).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRecurringJobRegistrar).IsAssignableFrom(t))
            .ToList();
        Assert.NotEmpty(declared);
        Assert.All(declared, t => Assert.Contains(t, registered));
    }

    [Fact]
    public async Task Unknown_routes_are_404_problems()
    {
        var response = await _client.GetAsync("/api/nothing-here");
        await response.ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JsonValueKind.String, (await response.JsonAsync()).GetProperty("title").ValueKind);
    }

    /// <summary>A method the route does not support is 405 with the framework's <c>Allow</c> header for everyone: the
    /// routes are public (the OpenAPI document lists them all), so a visitor learns nothing. The fallback policy used to
    /// apply to the router's 405 endpoint, which declares no authorisation, and answered a visitor 401 where a member got
    /// 405. The routes themselves still need a signed-in member.</summary>
    [Theory]
    [InlineData("DELETE", "/api/boards")]
    [InlineData("PUT", "/api/search?q=a")]
    [InlineData("POST", "/api/tags")]
    [InlineData("PATCH", "/api/me/bookmarks")]
    public async Task A_method_the_route_does_not_support_is_405_with_allow_signed_in_or_not(string method, string url)
    {
        var member = await factory.SignUpAsync(_client);
        var signedIn = await _client.SendAsAsync(member, new HttpMethod(method), url);
        var visitor = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        foreach (var (who, response) in new[] { ("member", signedIn), ("visitor", visitor) })
        {
            Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{who}: {(int)response.StatusCode}");
            var allow = response.Content.Headers.Allow;
            Assert.True(allow.Contains("GET") && !allow.Contains(method), $"{who}: Allow: {string.Join(", ", allow)}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("method-not-allowed", (await response.JsonAsync()).GetProperty("code").GetString());
        }

        await (await _client.GetAsync(url)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await _client.SendAsAsync(member, HttpMethod.Get, url)).ShouldBe(HttpStatusCode.OK);
    }
}
