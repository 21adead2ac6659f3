using System.Net;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>The web client's own form endpoints (a download a form asks for, not a page) given form bodies ASP.NET Core
/// cannot read: refused as a missing antiforgery token is, never a 500 (ADR 0019). The co-hosted web client on a real
/// port, so that it can call the API; a member signed in through its sign-in form.</summary>
public sealed class WebFormInputTests : IDisposable
{
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;

    public WebFormInputTests()
    {
        _factory = new SalonApiFactory();
        _factory.Settings["Web:SecureCookie"] = "false";
        _factory.UseKestrel(0);
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>The data export's download checks the form's token itself; reading an unreadable form for it used to
    /// throw out of the handler (a 500 logged as an error here, an empty 500 on the standalone web client).</summary>
    [Fact]
    public async Task The_export_download_sends_an_unreadable_form_back_to_the_export_page()
    {
        var member = await _factory.SignUpAsync(_client);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = _client.BaseAddress,
        };
        var signIn = await WebForms.PostBackAsync(browser, await browser.GetAsync("/login"), new() { ["Form.Email"] = member.Email, ["Form.Password"] = member.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        foreach (var body in DashboardTests.UnreadableForms())
        {
            var response = await browser.PostAsync("/settings/export/download", body);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{body.Headers.ContentType}: {(int)response.StatusCode}");
            Assert.Equal("/settings/export?failed=true", response.Headers.Location?.OriginalString);
        }

        // Still signed in: the export page answers, not the sign-in page.
        await (await browser.GetAsync("/settings/export")).ShouldBe(HttpStatusCode.OK);
    }
}
