using System.Net;
using System.Net.Http.Json;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

public sealed class SecurityTests : IDisposable
{
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;

    public SecurityTests()
    {
        _factory = new SalonApiFactory();
        _factory.Settings["RateLimits:SignIn:PermitLimit"] = "6";
        _factory.Settings["RateLimits:Writes:PermitLimit"] = "2";
        _factory.Settings["RateLimits:Screening:PermitLimit"] = "2";
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_with_a_429_problem_and_retry_after()
    {
        for (var i = 0; i < 6; i++)
        {
            await (await _client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.com", password = "wrong password" })).ShouldBe(HttpStatusCode.Unauthorized);
        }

        var limited = await _client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.com", password = "wrong password" });

        await limited.ShouldBe(HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rate-limited", (await limited.JsonAsync()).GetProperty("code").GetString());
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Writes_are_limited_per_member_and_reads_are_not()
    {
        var member = await _factory.SignUpAsync(await FreshClientAsync());
        var topicId = await _client.CreateTopicAsync(member);
        await (await _client.SendAsAsync(member, HttpMethod.Put, $"/api/posts/{topicId}/reactions/thanks")).ShouldBe(HttpStatusCode.OK);
        await (await _client.SendAsAsync(member, HttpMethod.Put, $"/api/posts/{topicId}/reactions/relate")).ShouldBe(HttpStatusCode.TooManyRequests);
        await (await _client.SendAsAsync(member, HttpMethod.Get, $"/api/topics/{topicId}")).ShouldBe(HttpStatusCode.OK);

        // Another member has their own allowance.
        var other = await _factory.SignUpAsync(await FreshClientAsync());
        await (await _client.SendAsAsync(other, HttpMethod.Put, $"/api/posts/{topicId}/reactions/thanks")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_no_server_banner()
    {
        var response = await _client.GetAsync("/api/safety/resources");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var problem = await _client.GetAsync("/api/me");
        Assert.Equal("nosniff", problem.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Cross_origin_requests_get_no_cors_grant_by_default()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/boards");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        var response = await _client.SendAsync(request);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    // Every test client has the same address, so sign-ups share the sign-in allowance (6 here).
    private Task<HttpClient> FreshClientAsync() => Task.FromResult(_factory.CreateClient());
}
