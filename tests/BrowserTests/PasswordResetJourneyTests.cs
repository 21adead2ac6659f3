using Microsoft.Playwright;
using Salon.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Salon.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PasswordResetJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_member_who_forgot_the_password_sets_a_new_one_from_the_email_link()
    {
        var member = await browser.Server.RegisterAsync("そら");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "パスワードを忘れた方" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("メールアドレス").FillAsync(member.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "送る" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("登録されていれば");

        var link = await browser.Server.LinkFromLatestMailAsync(member.Email, "password-reset", "/reset-password");
        await page.GotoAsync(link);
        await page.AssertAccessibleAsync();
        await page.GetByLabel("新しいパスワード").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
        await Expect(page.Locator("#error-newPassword")).ToContainTextAsync("8文字以上");
        await page.GetByLabel("新しいパスワード").FillAsync("a brand new passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("パスワードを変更しました");

        await page.SignInAsync(member with { Password = "a brand new passphrase" });
    }

    [Theory]
    [InlineData("/resend-confirmation", "確認メールをもう一度送る")]
    [InlineData("/logout", "ログアウト")]
    [InlineData("/signup/sent", "確認のメールを送りました")]
    [InlineData("/no-such-page", "ページが見つかりません")]
    public async Task Other_pages_are_accessible(string path, string heading)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await page.AssertAccessibleAsync();
    }
}
