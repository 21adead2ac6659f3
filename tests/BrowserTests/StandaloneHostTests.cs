using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Salon.BrowserTests.Infrastructure;
using Salon.Web.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Salon.BrowserTests;

/// <summary>The web client as its own host (<c>dotnet run --project src/Web</c>) in front of a remote API
/// (<c>Web:ApiBaseUrl</c>): it starts, serves its styles, and a member signs in and reads and writes through it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StandaloneHostTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_standalone_web_client_starts_and_a_member_signs_in_reads_and_posts_through_the_remote_API()
    {
        await using var app = WebClientProgram.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Development",
            "--Web:ApiBaseUrl", browser.Server.BaseAddress.ToString(),
        ]);
        await app.StartAsync();
        var site = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        Assert.NotEqual(browser.Server.BaseAddress.Port, site.Port);

        var member = await browser.Server.RegisterAsync("べつ");
        var title = "別のホストから " + Guid.NewGuid().ToString("N")[..6];
        var page = await browser.NewPageAsync(javaScript: false, site);
        await page.SignInAsync(member);
        Assert.StartsWith(site.ToString(), page.Url, StringComparison.Ordinal);

        // Its own static assets (the stylesheet) are served.
        var css = await page.Locator("link[rel=stylesheet]").First.GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(css!);
        Assert.Equal(200, response.Status);

        await page.GetByRole(AriaRole.Link, new() { Name = "親の立場" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "この掲示板で相談する" }).ClickAsync();
        await page.GetByLabel("タイトル").FillAsync(title);
        await page.GetByLabel("相談の内容").FillAsync("夫の通院に付き添うべきか迷っています。");
        await page.GetByRole(AriaRole.Button, new() { Name = "確認する" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "この内容で投稿する" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync(title);

        // The consultation went to the API, which the co-hosted client reads too.
        var other = await browser.NewPageAsync();
        await other.SignInAsync(member);
        await other.GotoAsync("/me/topics");
        await Expect(other.GetByText(title)).ToBeVisibleAsync();

        // An unknown address is the client's own not-found page.
        var missing = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, missing!.Status);
        await Expect(page.Heading()).ToContainTextAsync("見つかりません");

        await app.StopAsync();
    }
}
