using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;
using Salon.Web.Hosting;

namespace Salon.IntegrationTests.Platform;

/// <summary>The web client as a browser uses it (co-hosted, on a real port so that it can call the API; a member signed in
/// through its sign-in form), and the API beside it.</summary>
public sealed partial class WebClientOverHttpTests(WebSite site) : IClassFixture<WebSite>
{
    /// <summary>No cache keeps what Salon answers about a member: every API answer and every page of the web client says
    /// <c>Cache-Control: no-store</c> (a shared proxy must not store it, and a browser on a computer the household shares
    /// must not show a page again from its cache or its back-forward cache after signing out). Pages used to carry it
    /// only because the layout's sign-out form asked the antiforgery service for a token; the API's answers carried none,
    /// which left them to whatever a proxy in front does with a response that names no policy. The fingerprinted static
    /// files stay cacheable.</summary>
    [Fact]
    public async Task Api_answers_and_pages_signed_in_or_not_are_never_stored_by_a_cache()
    {
        var (member, browser) = await site.MemberInBrowserAsync();
        using var signedIn = browser;
        var topic = await site.Client.CreateTopicAsync(member, title: "通院のこと", body: "母の通院に付き添っています。", anonymous: true);

        foreach (var url in new[] { "/api/me", "/api/notifications", "/api/me/export", $"/api/topics/{topic}", "/api/topics/00000000-0000-0000-0000-000000000001" })
        {
            AssertNoStore(await site.Client.SendAsAsync(member, HttpMethod.Get, url), url);
        }

        AssertNoStore(await site.Client.GetAsync("/api/announcements"), "/api/announcements (signed out)");

        foreach (var url in new[] { "/", "/notifications", "/settings/export", $"/topics/{topic}", "/meetings", "/no-such-page" })
        {
            AssertNoStore(await browser.GetAsync(url), url);
        }

        using var visitor = new HttpClient { BaseAddress = site.Address };
        foreach (var url in new[] { "/", "/announcements", "/signup/sent" })
        {
            AssertNoStore(await visitor.GetAsync(url), url + " (signed out)");
        }

        var style = await visitor.GetAsync("/app.css");
        await style.ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain("no-store", style.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    /// <summary>The web client's own form endpoints (a download a form asks for, not a page) given form bodies ASP.NET
    /// Core cannot read are refused as a missing antiforgery token is, never a 500 (ADR 0019). The data export's download
    /// checks the form's token itself; reading an unreadable form for it used to throw out of the handler (a 500 logged
    /// as an error here, an empty 500 on the standalone web client).</summary>
    [Fact]
    public async Task The_export_download_sends_an_unreadable_form_back_to_the_export_page()
    {
        var (_, browser) = await site.MemberInBrowserAsync();
        using var signedIn = browser;

        foreach (var body in DashboardTests.UnreadableForms())
        {
            var response = await browser.PostAsync("/settings/export/download", body);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{body.Headers.ContentType}: {(int)response.StatusCode}");
            Assert.Equal("/settings/export?failed=true", response.Headers.Location?.OriginalString);
        }

        // Still signed in: the export page answers, not the sign-in page.
        await (await browser.GetAsync("/settings/export")).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The reply form of an anonymous consultation's own author starts ticked 「匿名で投稿する」: a note or a thank-you
    /// under one's own anonymous consultation is the commonest reply an author writes, and one left under their nickname
    /// by an untouched box would tell everyone whose the consultation is. Everyone else's form, and the author's under a
    /// named consultation, start unticked as before.</summary>
    [Fact]
    public async Task The_reply_form_starts_anonymous_for_the_author_of_an_anonymous_consultation()
    {
        var (author, authorBrowser) = await site.MemberInBrowserAsync();
        var (_, otherBrowser) = await site.MemberInBrowserAsync();
        using var signedIn = authorBrowser;
        using var other = otherBrowser;
        var anonymous = await site.Client.CreateTopicAsync(author, title: "弟の入院", body: "弟が入院しました。面会のことで迷っています。", anonymous: true);
        var named = await site.Client.CreateTopicAsync(author, title: "家族会のこと", body: "近くの家族会に行ってみました。", anonymous: false);

        Assert.True(await ReplyAnonymousTickedAsync(authorBrowser, anonymous));
        Assert.False(await ReplyAnonymousTickedAsync(authorBrowser, named));
        Assert.False(await ReplyAnonymousTickedAsync(otherBrowser, anonymous));
    }

    /// <summary>A NUL character in a page's query (<c>/search?q=%00</c>, a link cut and pasted wrongly) gets the web client's
    /// own 400 page, Japanese first, signed in or not, on any page and any query parameter: it used to get the API's
    /// request guard's ProblemDetails (JSON), which the guard answered for the whole host. The API's routes keep that
    /// ProblemDetails, naming the parameter.</summary>
    [Fact]
    public async Task A_nul_character_in_a_pages_query_gets_the_web_clients_400_page_and_the_API_keeps_its_problem()
    {
        var (member, browser) = await site.MemberInBrowserAsync();
        using var signedIn = browser;
        using var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.Address };

        foreach (var (who, client) in new[] { ("member", browser), ("visitor", visitor) })
        {
            foreach (var url in PageQueriesWithNul)
            {
                await AssertAddressRefusedAsync(await client.GetAsync(url), $"{who} GET {url}");
            }

            // A form post to a page with NUL in its address: the same page, not the form's.
            await AssertAddressRefusedAsync(await client.PostAsync("/login?returnUrl=%00", new FormUrlEncodedContent([])), $"{who} POST /login?returnUrl=%00");
        }

        var api = await site.Client.SendAsAsync(member, HttpMethod.Get, "/api/search?q=%00");
        await api.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var problem = await api.JsonAsync();
        Assert.Equal("nul-character", problem.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Array, problem.GetProperty("errors").GetProperty("q").ValueKind);
    }

    /// <summary>A page asked with a method it does not take (<c>PUT /</c>, <c>DELETE /boards/parents</c>) gets the web
    /// client's own page saying so, with <c>405</c> and <c>Allow</c>, signed in or not. It used to get the API's
    /// ProblemDetails (JSON): the status page was re-executed with the same method, which the status page does not take
    /// either. A path that is no page gets a page too, whatever the method. The API's routes keep their
    /// ProblemDetails.</summary>
    [Fact]
    public async Task A_method_a_page_does_not_take_gets_the_web_clients_405_page_and_the_API_keeps_its_problem()
    {
        var (member, browser) = await site.MemberInBrowserAsync();
        using var signedIn = browser;
        using var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.Address };

        foreach (var (who, client) in new[] { ("member", browser), ("visitor", visitor) })
        {
            await AssertWrongMethodPagesAsync(client, who);
        }

        var api = await site.Client.SendAsAsync(member, HttpMethod.Put, "/api/boards");
        await api.ShouldBe(HttpStatusCode.MethodNotAllowed);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal("method-not-allowed", (await api.JsonAsync()).GetProperty("code").GetString());
        Assert.Contains("GET", api.Content.Headers.Allow);
    }

    /// <summary><c>HEAD</c> gets what <c>GET</c> gets, without the body (RFC 9110: a general-purpose server takes both):
    /// pages signed in and out, the "not found" page, the API's reads, its 401 and its 404. It used to be 404 with the
    /// API's JSON problem for every page and every API read (pages and <c>MapGet</c> take <c>GET</c> only), so an uptime
    /// monitor's <c>HEAD /</c> said the site was gone.</summary>
    [Fact]
    public async Task HEAD_is_answered_as_GET_is_without_the_body_on_pages_and_on_the_API()
    {
        var (member, browser) = await site.MemberInBrowserAsync();
        using var signedIn = browser;
        using var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.Address };
        var topic = await site.Client.CreateTopicAsync(member, title: "夜のこと", body: "眠れない夜が続いています。", anonymous: true);

        foreach (var url in new[] { "/", "/boards/parents", $"/topics/{topic}", "/notifications", "/no-such-page" })
        {
            await AssertHeadLikeGetAsync(u => browser.SendAsync(new HttpRequestMessage(HttpMethod.Head, u)), u => browser.GetAsync(u), url, "member");
        }

        foreach (var url in new[] { "/", "/login", "/announcements", "/notifications", "/no-such-page", "/app.css" })
        {
            await AssertHeadLikeGetAsync(u => visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, u)), u => visitor.GetAsync(u), url, "visitor");
        }

        foreach (var url in new[] { "/api/boards", $"/api/topics/{topic}", "/api/me", "/api/topics/00000000-0000-0000-0000-000000000001" })
        {
            await AssertHeadLikeGetAsync(u => site.Client.SendAsAsync(member, HttpMethod.Head, u), u => site.Client.SendAsAsync(member, HttpMethod.Get, u), url, "member API");
        }

        foreach (var url in new[] { "/api/me", "/api/announcements", "/health/live" })
        {
            await AssertHeadLikeGetAsync(u => visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, u)), u => visitor.GetAsync(u), url, "visitor API");
        }
    }

    /// <summary>The web client on its own host (docs/deploy.md) refuses NUL in its pages' queries the same way, with the
    /// same page, instead of passing it on to the API, and answers a method a page does not take with the same page, and HEAD as GET.</summary>
    [Fact]
    public async Task The_standalone_web_client_answers_a_nul_character_in_a_query_and_a_wrong_method_with_the_same_pages()
    {
        await using var web = WebClientProgram.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Testing",
            "--Web:ApiBaseUrl", site.Address.ToString(),
            "--Security:UseHttps", "false",
        ]);
        await web.StartAsync();
        using var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()),
        };

        foreach (var url in PageQueriesWithNul)
        {
            await AssertAddressRefusedAsync(await visitor.GetAsync(url), "standalone GET " + url);
        }

        await AssertWrongMethodPagesAsync(visitor, "standalone");
        await (await visitor.GetAsync("/login")).ShouldBe(HttpStatusCode.OK);
        foreach (var url in new[] { "/", "/login", "/no-such-page" })
        {
            await AssertHeadLikeGetAsync(u => visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, u)), u => visitor.GetAsync(u), url, "standalone");
        }

        await web.StopAsync();
    }

    /// <summary>Pages signed out and signed in, staff pages, a declared parameter and one no page reads, NUL in a name.</summary>
    private static readonly string[] PageQueriesWithNul =
    [
        "/search?q=%00", "/login?returnUrl=%00", "/reset-password?userId=%00&token=t", "/boards/parents?tag=%00",
        "/staff/moderation/audit?action=%00", "/meetings?page=%00", "/?a%00b=1", "/no-such-page?x=%00",
    ];

    private static async Task AssertAddressRefusedAsync(HttpResponseMessage response, string what)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"ja\"", html, StringComparison.Ordinal);
        var japanese = html.IndexOf("このアドレスは開けません", StringComparison.Ordinal);
        var english = html.IndexOf("This address cannot be opened", StringComparison.Ordinal);
        Assert.True(japanese > 0 && english > japanese, $"{what}: {html}");
    }

    private static async Task AssertWrongMethodPagesAsync(HttpClient client, string who)
    {
        foreach (var (method, url) in new[] { ("PUT", "/"), ("DELETE", "/boards/parents"), ("PATCH", "/login"), ("PUT", "/search?q=a") })
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
            var html = await response.Content.ReadAsStringAsync();
            var what = $"{who} {method} {url}";
            Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{what}: {(int)response.StatusCode} {html}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("GET", response.Content.Headers.Allow);
            Assert.Contains("<html lang=\"ja\"", html, StringComparison.Ordinal);
            var japanese = html.IndexOf("このページは、この方法では開けません", StringComparison.Ordinal);
            var english = html.IndexOf("This page cannot be opened this way", StringComparison.Ordinal);
            Assert.True(japanese > 0 && english > japanese, $"{what}: {html}");
        }

        // A path that is no page: 404, or 405 where the static files are served from the build output (tests, dotnet run),
        // whose fallback route ({**path:file}) takes GET and HEAD on any path for the router's method check. A page either way.
        var missing = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/no-such-page"));
        var missingHtml = await missing.Content.ReadAsStringAsync();
        Assert.True(missing.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{who} DELETE /no-such-page: {(int)missing.StatusCode} {missingHtml}");
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"ja\"", missingHtml, StringComparison.Ordinal);
    }

    private static async Task AssertHeadLikeGetAsync(Func<string, Task<HttpResponseMessage>> head, Func<string, Task<HttpResponseMessage>> get, string url, string who)
    {
        using var expected = await get(url);
        using var response = await head(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        var what = $"{who} HEAD {url}";
        Assert.True(response.StatusCode == expected.StatusCode, $"{what}: {(int)response.StatusCode}, GET {(int)expected.StatusCode}");
        Assert.Equal(expected.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.Length == 0, $"{what}: {body.Length} bytes of body");
    }

    private static void AssertNoStore(HttpResponseMessage response, string what) =>
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what} ({(int)response.StatusCode}): Cache-Control: {response.Headers.CacheControl}");

    private static async Task<bool> ReplyAnonymousTickedAsync(HttpClient browser, Guid topic)
    {
        var page = await browser.GetAsync($"/topics/{topic}");
        await page.ShouldBe(HttpStatusCode.OK);
        var box = ReplyAnonymousBox().Match(await page.Content.ReadAsStringAsync());
        Assert.True(box.Success, "the reply form has no 「匿名で投稿する」 box");
        return box.Value.Contains(" checked", StringComparison.Ordinal);
    }

    [GeneratedRegex("<input[^>]*name=\"Reply.Anonymous\"[^>]*>")]
    private static partial Regex ReplyAnonymousBox();
}
