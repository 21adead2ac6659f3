using Microsoft.Playwright;
using Salon.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Salon.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignUpJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_family_member_signs_up_confirms_from_the_email_link_signs_in_and_out(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        var member = Members.New("はな");

        // The top page: what Salon is, and the crisis lines before anything else is asked.
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ひとりで抱えこまないで");
        await Expect(page.Locator("#crisis-top")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "つらいときは" })).ToBeVisibleAsync();
        await Check(page, "top");

        await page.GetByRole(AriaRole.Link, new() { Name = "新規登録" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(browser.Server.Url("/signup"));
        await Expect(page.GetByText("ほかのメンバーに表示される名前です")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("利用規約に同意します")).Not.ToBeCheckedAsync();
        await Expect(page.GetByLabel("配慮の必要な情報")).Not.ToBeCheckedAsync();
        await Check(page, "signup");

        // A password that is too short: the API's reason, in Japanese, next to the field.
        await page.GetByLabel("メールアドレス").FillAsync(member.Email);
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("ニックネーム").FillAsync(member.Nickname);
        await page.GetByLabel("親", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("利用規約に同意します").CheckAsync();
        await page.GetByLabel("配慮の必要な情報").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await Expect(page.Locator("#error-password")).ToContainTextAsync("8文字以上");
        await Expect(page.GetByLabel("メールアドレス")).ToHaveValueAsync(member.Email);

        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(member.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(browser.Server.Url("/signup/sent"));
        await Expect(page.GetByText("「サロン」からメールが届きます", new() { Exact = false })).ToBeVisibleAsync();
        await Check(page, null);

        // The e-mail's link opens a page with a button; opening it confirms nothing by itself.
        var link = await browser.Server.LinkFromLatestMailAsync(member.Email, "email-confirmation", "/confirm-email");
        await page.GotoAsync(link);
        await Check(page, null);
        await page.GotoAsync("/login");
        await SubmitLoginAsync(page, member);
        await Expect(page.Locator(".problem")).ToContainTextAsync("メールアドレスの確認");

        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "メールアドレスを確認する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("確認できました");

        await page.GetByRole(AriaRole.Link, new() { Name = "ログインする" }).ClickAsync();
        await Check(page, null);
        await SubmitLoginAsync(page, member);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{member.Nickname}さん、こんにちは");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "あなたの立場の掲示板" })).ToBeVisibleAsync();
        await Expect(page.Locator(".boards").First.GetByRole(AriaRole.Link).First).ToContainTextAsync("親の立場");
        await Check(page, "home");

        // The tokens stay on the server side: one sealed, HttpOnly, SameSite=Lax cookie.
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "salon-session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        Assert.DoesNotContain(".", cookie.Value[..20], StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ひとりで抱えこまないで");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "salon-session");

        async Task Check(IPage p, string? screenshot)
        {
            if (javaScript)
            {
                await p.AssertAccessibleAsync();
                if (screenshot is not null)
                {
                    await p.ScreenshotAsync(screenshot);
                }
            }
        }
    }

    [Fact]
    public async Task The_crisis_page_lists_the_lines_from_every_page_footer()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "つらいときは" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("つらいときは");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "0570-783-556" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    private static async Task SubmitLoginAsync(IPage page, Member member)
    {
        await page.GetByLabel("メールアドレス").FillAsync(member.Email);
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(member.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
    }
}
