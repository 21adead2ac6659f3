using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
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
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            var mode = (string)(await command.ExecuteScalarAsync())!;
            return (mode, (await db.Database.GetPendingMigrationsAsync()).Count());
        });
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

    [Fact]
    public async Task Unknown_routes_are_404_problems()
    {
        var response = await _client.GetAsync("/api/nothing-here");
        await response.ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JsonValueKind.String, (await response.JsonAsync()).GetProperty("title").ValueKind);
    }
}
