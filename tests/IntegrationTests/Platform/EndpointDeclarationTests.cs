using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>The host describes itself: every endpoint states its authorisation, every API operation has a name
/// (its message) and a Japanese/English summary, and an endpoint that forgets its authorisation is closed.</summary>
public sealed class EndpointDeclarationTests : IDisposable
{
    private readonly SalonApiFactory _factory = new();

    public EndpointDeclarationTests()
    {
        _factory.Settings["Api:Docs:Enabled"] = "true";
    }

    public void Dispose() => _factory.Dispose();

    private List<RouteEndpoint> Endpoints()
    {
        _factory.CreateClient().Dispose();
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 100, $"Only {endpoints.Count} endpoints found");
        return endpoints;
    }

    private static string Describe(RouteEndpoint endpoint) =>
        $"{string.Join(",", endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])} /{endpoint.RoutePattern.RawText?.TrimStart('/')} ({endpoint.DisplayName})";

    [Fact]
    public void Every_endpoint_states_its_authorisation()
    {
        var silent = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(Describe)
            .ToList();

        Assert.True(silent.Count == 0, "Endpoints without RequireAuthorization or AllowAnonymous:\n" + string.Join("\n", silent));
    }

    [Fact]
    public void Every_api_operation_has_a_unique_name_and_a_Japanese_and_English_summary()
    {
        var api = Endpoints().Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true).ToList();
        Assert.True(api.Count > 70, $"Only {api.Count} API endpoints found");

        var problems = new List<string>();
        foreach (var endpoint in api)
        {
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            var summary = endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary;
            if (string.IsNullOrEmpty(name))
            {
                problems.Add($"{Describe(endpoint)}: no WithName");
            }

            if (summary is null || !summary.Contains(" / ", StringComparison.Ordinal) || !summary.Any(c => c >= '\u3040' && c <= '\u9fff'))
            {
                problems.Add($"{Describe(endpoint)}: summary \"{summary}\" is not \"日本語 / English\"");
            }
        }

        var duplicates = api.GroupBy(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).Where(g => g.Key is not null && g.Count() > 1);
        problems.AddRange(duplicates.Select(g => $"name {g.Key} used by {string.Join(", ", g.Select(Describe))}"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The roles a summary names, as <c>（日本語） / (English)</c>, for the policy that decides who may call.</summary>
    private static readonly Dictionary<string, (string Japanese, string English)> RoleWords = new(StringComparer.Ordinal)
    {
        ["admin"] = ("（管理者）", "(admins)"),
        ["moderator"] = ("（モデレーター）", "(moderators)"),
        ["official"] = ("（公式）", "(officials)"),
    };

    /// <summary>A summary that names who may call names the role the endpoint requires, and an admins-only endpoint
    /// says so: the watched words (admins only, also inside the moderators' group) and the insights (admins) used to
    /// say moderators and officials, in the OpenAPI document and Scalar.</summary>
    [Fact]
    public void A_summary_names_the_role_its_endpoint_requires()
    {
        var problems = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var summary = endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? string.Empty;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToHashSet(StringComparer.Ordinal);

            // Several policies all apply: the strictest decides (admin is also moderator and official by policy).
            var required = new[] { "admin", "moderator", "official" }.FirstOrDefault(policies.Contains);
            foreach (var (role, (japanese, english)) in RoleWords)
            {
                var named = summary.Contains(japanese, StringComparison.Ordinal) || summary.Contains(english, StringComparison.Ordinal);
                var both = summary.Contains(japanese, StringComparison.Ordinal) && summary.Contains(english, StringComparison.Ordinal);
                if (named && role != required)
                {
                    problems.Add($"{Describe(endpoint)}: \"{summary}\" names {role}, the endpoint requires {required ?? "no role"}");
                }
                else if (role == "admin" && required == "admin" && !both)
                {
                    problems.Add($"{Describe(endpoint)}: \"{summary}\" does not say {japanese} / {english}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_OpenAPI_document_names_and_summarises_every_operation()
    {
        var client = _factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Method: op.Name, Operation: op.Value)))
            .ToList();
        Assert.True(operations.Count > 70, $"Only {operations.Count} operations");

        var unnamed = operations
            .Where(o => !o.Operation.TryGetProperty("operationId", out _) || !o.Operation.TryGetProperty("summary", out _))
            .Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}")
            .ToList();
        Assert.True(unnamed.Count == 0, "Operations without operationId or summary:\n" + string.Join("\n", unnamed));
    }

    [Fact]
    public async Task An_endpoint_that_declares_nothing_needs_a_signed_in_member_and_an_unknown_path_is_still_404()
    {
        _factory.CreateClient().Dispose();
        var authorization = _factory.Services.GetRequiredService<IAuthorizationService>();
        var fallback = await _factory.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        Assert.NotNull(fallback);

        var undeclared = new DefaultHttpContext();
        undeclared.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(), "undeclared"));
        var visitor = new ClaimsPrincipal(new ClaimsIdentity());
        var member = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString())], "Bearer"));

        Assert.False((await authorization.AuthorizeAsync(visitor, undeclared, fallback)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(member, undeclared, fallback)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(visitor, new DefaultHttpContext(), fallback)).Succeeded);

        // Over HTTP: a path that matches nothing answers 404 to a visitor, not 401.
        var response = await _factory.CreateClient().GetAsync("/api/no-such-route");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Each_endpoint_is_built_once_the_jobs_dashboard_included()
    {
        // Every reader of the endpoints (the authorisation policy cache, the route matcher) gets the same objects:
        // ASP.NET Core's own data sources build every endpoint again on each read (docs/adr/0039).
        var first = Endpoints();
        var sources = ((CompositeEndpointDataSource)_factory.Services.GetRequiredService<EndpointDataSource>()).DataSources;
        var again = new CompositeEndpointDataSource(sources).Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.Equal(first.Count, again.Count);
        Assert.All(first.Zip(again), pair => Assert.Same(pair.First, pair.Second));

        // The dashboard, mapped after the database's initialisation, is among them and still answers.
        Assert.Contains(first, endpoint => endpoint.RoutePattern.RawText?.StartsWith("/hangfire", StringComparison.Ordinal) == true);
        var signIn = await _factory.CreateClient().GetAsync("/hangfire/sign-in");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }
}
