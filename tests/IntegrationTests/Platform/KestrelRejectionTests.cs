using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>Requests Kestrel itself refuses before any middleware runs (so the in-memory test server never sees them),
/// sent over a real socket to a real Kestrel: they too are answered with ProblemDetails bodies.</summary>
public sealed class KestrelRejectionTests : IDisposable
{
    private readonly SalonApiFactory _factory = new();
    private readonly Uri _address;

    public KestrelRejectionTests()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        _address = _factory.CreateClient().BaseAddress!;
    }

    public void Dispose() => _factory.Dispose();

    private Task<string> SendRawAsync(string request) => RawHttp.SendAsync(_address, request);

    private static void AssertProblem(string response, int status)
    {
        var split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = response[..split];
        var body = response[(split + 4)..];
        Assert.StartsWith($"HTTP/1.1 {status} ", head, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Type: application/problem+json", head, StringComparison.Ordinal);
        Assert.Contains($"\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}", head, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.StartsWith("urn:salon:problem:", problem.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_nul_in_the_path_is_a_400_problem()
    {
        var response = await SendRawAsync("GET /api/a%00b HTTP/1.1\r\nHost: localhost\r\n\r\n");
        AssertProblem(response, 400);
    }

    [Fact]
    public async Task A_request_line_that_is_not_http_is_a_400_problem() =>
        AssertProblem(await SendRawAsync("NOT AN HTTP REQUEST\r\n\r\n"), 400);

    [Fact]
    public async Task A_query_over_8_KiB_is_a_414_problem()
    {
        var response = await SendRawAsync($"GET /api/boards?q={new string('a', 9_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n");
        AssertProblem(response, 414);
        Assert.Contains("uri-too-long", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_over_the_limit_are_a_431_problem()
    {
        var response = await SendRawAsync($"GET /api/boards HTTP/1.1\r\nHost: localhost\r\nX-Big: {new string('a', 40_000)}\r\n\r\n");
        AssertProblem(response, 431);
    }

    [Fact]
    public async Task Ordinary_answers_on_a_kept_alive_connection_pass_through_unchanged()
    {
        var response = await SendRawAsync(
            "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n"
            + "GET /api/nothing-here HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        Assert.DoesNotContain("HTTP/1.1 500", response, StringComparison.Ordinal);

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", response, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 404", response, StringComparison.Ordinal);
        Assert.Contains("Healthy", response[..response.IndexOf("HTTP/1.1 404", StringComparison.Ordinal)], StringComparison.Ordinal);
        var second = response[response.IndexOf("HTTP/1.1 404", StringComparison.Ordinal)..];
        Assert.Contains("application/problem+json", second, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"not-found\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Large_answers_and_json_bodies_pass_through_unchanged()
    {
        var client = _factory.CreateClient();
        var document = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
        Assert.True(document.GetProperty("paths").EnumerateObject().Count() > 40);

        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.com", password = "not a real passphrase" });
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal("invalid-credentials", (await login.JsonAsync()).GetProperty("code").GetString());
    }
}
