using System.Reflection;
using System.Text.Json;
using Salon.IntegrationTests.Infrastructure;
using Salon.Web.Api;

namespace Salon.IntegrationTests.Platform;

/// <summary>The web client (src/Web) calls the API only through <see cref="ApiRoute"/>s declared as static fields;
/// each must be a route and verb of the served OpenAPI document, so the client cannot drift from the contract.</summary>
public sealed class WebClientContractTests : IClassFixture<SalonApiFactory>
{
    private readonly SalonApiFactory _factory;

    public WebClientContractTests(SalonApiFactory factory) => _factory = factory;

    public static IReadOnlyList<(string Declared, ApiRoute Route)> ClientRoutes() =>
        typeof(SalonApiClient).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(ApiRoute))
            .Select(f => ($"{f.DeclaringType!.Name}.{f.Name}", (ApiRoute)f.GetValue(null)!))
            .ToList();

    [Fact]
    public async Task Every_route_the_web_client_calls_is_in_the_openapi_document()
    {
        var routes = ClientRoutes();
        Assert.True(routes.Count >= 20, $"found only {routes.Count} client routes");
        using var document = JsonDocument.Parse(await _factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        var missing = routes
            .Where(r => !paths.TryGetProperty(r.Route.Template, out var path) || !path.TryGetProperty(r.Route.Method.ToLowerInvariant(), out _))
            .Select(r => $"{r.Declared}: {r.Route.Method} {r.Route.Template}")
            .ToList();
        Assert.True(missing.Count == 0, "Not in /openapi/v1.json: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_check_would_catch_a_route_the_api_does_not_have()
    {
        // The comparison above is by exact template and verb: a wrong verb or a made-up path is not in the document.
        var made = new ApiRoute("PATCH", "/api/boards");
        Assert.DoesNotContain(ClientRoutes(), r => r.Route == made);
        Assert.Equal("/api/topics/a%20b/replies", new ApiRoute("POST", "/api/topics/{id}/replies").Path("a b"));
    }
}
