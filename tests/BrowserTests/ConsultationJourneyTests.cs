using Microsoft.Playwright;
using Salon.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Salon.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ConsultationJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_anonymous_crisis_consultation_shows_the_crisis_lines_before_and_after_posting_and_another_member_replies_and_reacts(bool javaScript)
    {
        var author = await browser.Server.RegisterAsync("あさ");
        var reader = await browser.Server.RegisterAsync("ゆう");
        var title = "息子のこと " + Guid.NewGuid().ToString("N")[..6];

        // The author drafts an anonymous consultation with a crisis phrase in it.
        var page = await browser.NewPageAsync(javaScript);
        await page.SignInAsync(author);
        await page.GetByRole(AriaRole.Link, new() { Name = "親の立場" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("親の立場");
        await page.GetByRole(AriaRole.Link, new() { Name = "この掲示板で相談する" }).ClickAsync();
        await Expect(page.GetByText($"チェックしないと「{author.Nickname}」と表示されます")).ToBeVisibleAsync();
        await Check(page, null);
        await page.GetByLabel("タイトル").FillAsync(title);
        await page.GetByLabel("相談の内容").FillAsync("息子が「死にたい」と言うようになりました。どう声をかければいいのでしょうか。");
        await page.GetByLabel("接し方").CheckAsync();
        await page.GetByLabel("匿名で投稿する").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "確認する" }).ClickAsync();

        // 確認: the crisis lines come BEFORE anything is posted, and the name shows as 匿名さん.
        await Expect(page.Locator("#crisis-draft")).ToHaveTextAsync("投稿する前に、読んでください");
        await Expect(page.Locator(".crisis").GetByRole(AriaRole.Link, new() { Name = "0570-783-556" })).ToBeVisibleAsync();
        await Expect(page.Locator(".preview .author")).ToHaveTextAsync("匿名さん");
        await Check(page, "new-consultation-crisis");
        await page.GetByRole(AriaRole.Button, new() { Name = "この内容で投稿する" }).ClickAsync();

        // Posted: the crisis box again, because the API's response carried `support`.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("投稿しました。");
        await Expect(page.Locator("#crisis-posted")).ToBeVisibleAsync();
        await Expect(page.Locator("article").First).ToContainTextAsync("ほかの人には「匿名さん」");
        await Check(page, null);

        // Another member finds it, sees 匿名さん, reacts and replies.
        var other = await browser.NewPageAsync(javaScript);
        await other.SignInAsync(reader);
        await other.GotoAsync("/boards/parents");
        var card = other.Locator(".topic-card", new() { HasText = title });
        await Expect(card.Locator(".author")).ToHaveTextAsync("匿名さん");
        await Check(other, "board");
        await card.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(other.Locator("article .author").First).ToHaveTextAsync("匿名さん");
        Assert.DoesNotContain(author.Nickname, await other.ContentAsync(), StringComparison.Ordinal);

        var relate = other.Locator("article").First.GetByRole(AriaRole.Button, new() { Name = "わかる" });
        await Expect(relate).ToHaveAttributeAsync("aria-pressed", "false");
        await relate.ClickAsync();
        await Expect(relate).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(relate.Locator(".count")).ToHaveTextAsync("1");

        await other.GetByLabel("返信の内容").FillAsync("うちも同じでした。まずは話を聞くことから始めました。");
        await other.GetByRole(AriaRole.Button, new() { Name = "確認する" }).ClickAsync();
        await Expect(other.Locator(".preview .author")).ToHaveTextAsync(reader.Nickname);
        await Expect(other.Locator("#crisis-draft")).ToHaveCountAsync(0);
        await other.GetByRole(AriaRole.Button, new() { Name = "この内容で返信する" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Status)).ToHaveTextAsync("投稿しました。");
        var reply = other.Locator("article.post", new() { HasText = "まずは話を聞くことから" });
        await Expect(reply.Locator(".author")).ToHaveTextAsync(reader.Nickname);
        await Expect(other.Locator("#crisis-posted")).ToHaveCountAsync(0);
        await Check(other, "topic");

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
}
