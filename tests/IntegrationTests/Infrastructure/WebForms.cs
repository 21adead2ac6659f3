using System.Net;
using System.Text.RegularExpressions;

namespace Salon.IntegrationTests.Infrastructure;

/// <summary>The web client's forms, posted as a browser without script posts them.</summary>
public static partial class WebForms
{
    /// <summary>Submits the page's form to the page's own address, with its hidden fields (the form's name and the
    /// antiforgery token) and the given ones.</summary>
    public static async Task<HttpResponseMessage> PostBackAsync(HttpClient browser, HttpResponseMessage page, Dictionary<string, string> fields)
    {
        await page.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        fields["_handler"] = HandlerField().Match(html).Groups[1].Value;
        fields["__RequestVerificationToken"] = TokenField().Match(html).Groups[1].Value;
        return await browser.PostAsync(page.RequestMessage!.RequestUri, new FormUrlEncodedContent(fields));
    }

    /// <summary>A browser (cookies kept, redirects not followed) signed in as <paramref name="member"/> through the web
    /// client's sign-in form, on a server listening on a real port (<c>UseKestrel</c>: the co-hosted web client calls the
    /// API over loopback). Needs <c>Web:SecureCookie</c> off (the test server speaks http).</summary>
    public static async Task<HttpClient> SignedInBrowserAsync(Uri site, TestMember member)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = site };
        var signIn = await PostBackAsync(browser, await browser.GetAsync("/login"), new() { ["Form.Email"] = member.Email, ["Form.Password"] = member.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    [GeneratedRegex("name=\"_handler\" value=\"([^\"]+)\"")]
    private static partial Regex HandlerField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
