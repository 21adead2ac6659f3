using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Salon.BrowserTests.Infrastructure;
using Salon.Web.Api;

namespace Salon.BrowserTests;

/// <summary>A server whose web client refreshes the tokens on every page request (Web:RefreshBefore of a day).</summary>
public sealed class AlwaysRefreshingFixture : BrowserFixture
{
    protected override void Configure(WebServer server) => server.Settings["Web:RefreshBefore"] = "1.00:00:00";
}

public sealed class SessionRefreshTests(AlwaysRefreshingFixture browser) : IClassFixture<AlwaysRefreshingFixture>
{
    [Fact]
    public async Task Concurrent_pages_with_the_same_expiring_cookie_refresh_once_and_keep_the_member_signed_in()
    {
        var member = await browser.Server.RegisterAsync("つき");
        var page = await browser.NewPageAsync(javaScript: false);
        await page.SignInAsync(member);
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "salon-session").Value;

        // Two tabs, a reload, a prefetch: several requests carry the same cookie while its token is due for refresh.
        // The API's refresh tokens are single-use (a reused one revokes the session), so they must share one refresh.
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = browser.Server.BaseAddress };
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => GetHomeAsync(http, cookie)));
        foreach (var (status, body, _) in responses)
        {
            Assert.True(status == HttpStatusCode.OK, $"{status}: {body}");
            Assert.Contains($"{member.Nickname}さん、こんにちは", body, StringComparison.Ordinal);
        }

        // Each response sealed the same new tokens (sealing is randomised, so compare what is inside).
        var sealer = browser.Server.Services.GetRequiredService<SessionCookie>();
        var old = sealer.Unseal(cookie)!;
        var renewed = responses.Select(r => sealer.Unseal(r.NewCookie!)!).ToList();
        Assert.Single(renewed.Select(t => t.RefreshToken).Distinct());
        Assert.NotEqual(old.RefreshToken, renewed[0].RefreshToken);

        // The session survived: the renewed cookie keeps working (and is rotated again).
        var (nextStatus, nextBody, nextCookie) = await GetHomeAsync(http, responses[0].NewCookie!);
        Assert.Equal(HttpStatusCode.OK, nextStatus);
        Assert.Contains($"{member.Nickname}さん、こんにちは", nextBody, StringComparison.Ordinal);
        Assert.NotNull(nextCookie);
    }

    private static async Task<(HttpStatusCode Status, string Body, string? NewCookie)> GetHomeAsync(HttpClient http, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "salon-session=" + cookie);
        using var response = await http.SendAsync(request);
        var setCookie = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Where(v => v.StartsWith("salon-session=", StringComparison.Ordinal)).Select(v => v.Split(';')[0]["salon-session=".Length..]).FirstOrDefault()
            : null;
        var body = response.Headers.Location is { } location ? "→ " + location : await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body, setCookie);
    }
}
