using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>Per-address rate limits must count the member, not the web client in front of the API: the API
/// believes X-Forwarded-For from loopback (the co-hosted web client) and from configured proxies only.</summary>
public sealed class ForwardedHeadersTests : IDisposable
{
    private readonly SalonApiFactory _factory = new()
    {
        Settings =
        {
            ["RateLimits:SignIn:PermitLimit"] = "2",
            ["RateLimits:SignIn:Window"] = "00:10:00",
            ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.10",
        },
    };

    [Fact]
    public async Task A_forwarded_address_from_an_untrusted_peer_is_ignored()
    {
        // Three different claimed addresses from one stranger: all count against the stranger's own address.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync("203.0.113.7", "198.51.100.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync("203.0.113.7", "198.51.100.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync("203.0.113.7", "198.51.100.3"));
    }

    [Theory]
    [InlineData("127.0.0.1")] // the co-hosted web client calls the API over loopback
    [InlineData("192.0.2.10")] // a configured proxy or separately hosted web client
    public async Task A_forwarded_address_from_the_web_client_or_a_configured_proxy_is_the_one_limited(string peer)
    {
        // Members behind the same web client each have their own allowance...
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(peer, "198.51.100.11"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(peer, "198.51.100.12"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(peer, "198.51.100.13"));

        // ...and one member's is used up by that member.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(peer, "198.51.100.11"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(peer, "198.51.100.11"));
    }

    private async Task<HttpStatusCode> SignInAsync(string peer, string forwardedFor)
    {
        var context = await _factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/api/auth/login";
            c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("""{"email":"nobody@example.com","password":"wrong password"}"""));
        });
        return (HttpStatusCode)context.Response.StatusCode;
    }

    public void Dispose() => _factory.Dispose();
}
