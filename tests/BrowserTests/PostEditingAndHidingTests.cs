using Microsoft.Playwright;
using Salon.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Salon.BrowserTests;

/// <summary>Editing and deleting my own posts, and hiding someone else's post from my own view.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PostEditingAndHidingTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_author_edits_and_closes_a_consultation_edits_and_deletes_a_reply_then_deletes_the_consultation(bool javaScript)
    {
        var server = browser.Server;
        var author = await server.RegisterAsync("へん");
        var title = "通院の付き添い " + Guid.NewGuid().ToString("N")[..6];
        var topicId = await server.PostTopicAsync(author, title, "付き添いの回数について相談です。");
        var replyId = await server.ReplyAsync(author, topicId, "補足です。月に二回ほどです。");

        var page = await browser.NewPageAsync(javaScript);
        await page.SignInAsync(author);
        await page.GotoAsync($"/topics/{topicId}");

        // The consultation: a new title, closed; only what changed is sent.
        await page.GetByRole(AriaRole.Link, new() { Name = "この相談を編集・削除する" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("相談を編集する");
        await Expect(page.GetByLabel("タイトル")).ToHaveValueAsync(title);
        await page.CheckAsync(javaScript, "edit-topic");
        await page.GetByLabel("タイトル").FillAsync(title + "（解決）");
        await page.GetByLabel("相談を締め切る").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync(title + "（解決）");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("保存しました。");
        await Expect(page.GetByText("この相談は締め切られました。")).ToBeVisibleAsync();
        await Expect(page.GetByText("（編集済み）")).ToBeVisibleAsync();

        // The reply, edited in place and then deleted behind its <details> confirmation.
        var reply = page.Locator($"#post-{replyId}");
        await reply.GetByRole(AriaRole.Link, new() { Name = "この返信を編集・削除する" }).ClickAsync();
        await Expect(page.GetByLabel("返信の内容")).ToHaveValueAsync("補足です。月に二回ほどです。");
        await page.CheckAsync(javaScript);
        await page.GetByLabel("返信の内容").FillAsync("補足です。月に三回ほどです。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("保存しました。");
        await Expect(reply).ToContainTextAsync("月に三回ほど");

        await reply.GetByRole(AriaRole.Link, new() { Name = "この返信を編集・削除する" }).ClickAsync();
        await page.GetByText("この返信を削除する").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "削除する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("返信を削除しました。");
        await Expect(reply).ToHaveTextAsync("この投稿は削除されました");

        // Deleting the consultation leads back to its board, where it is gone.
        await page.GetByRole(AriaRole.Link, new() { Name = "この相談を編集・削除する" }).ClickAsync();
        await page.GetByText("この相談を削除する").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "削除する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("相談を削除しました。");
        await Expect(page.Locator(".topic-card", new() { HasText = title })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_consultation_with_no_keyword_ticked_is_posted_without_JavaScript()
    {
        // A form with no box ticked binds the tags as null; that was a 500.
        var author = await browser.Server.RegisterAsync("なし");
        var title = "キーワードなし " + Guid.NewGuid().ToString("N")[..6];
        var page = await browser.NewPageAsync(javaScript: false);
        await page.SignInAsync(author);
        await page.GotoAsync("/boards/parents/new");
        await page.GetByLabel("タイトル").FillAsync(title);
        await page.GetByLabel("相談の内容").FillAsync("どこに相談すればいいのか、わかりません。");
        await page.GetByRole(AriaRole.Button, new() { Name = "確認する" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "この内容で投稿する" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync(title);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("投稿しました。");
    }

    [Fact]
    public async Task Someone_elses_page_offers_no_edit_and_an_edit_page_of_theirs_says_so()
    {
        var author = await browser.Server.RegisterAsync("かき");
        var reader = await browser.Server.RegisterAsync("よみ");
        var topicId = await browser.Server.PostTopicAsync(author, "ほかの人の相談 " + Guid.NewGuid().ToString("N")[..6], "本文です。");

        var page = await browser.NewPageAsync();
        await page.SignInAsync(reader);
        await page.GotoAsync($"/topics/{topicId}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "この相談を編集・削除する" })).ToHaveCountAsync(0);
        await page.GotoAsync($"/topics/{topicId}/edit");
        await Expect(page.GetByText("この相談は、書いた人だけが編集できます。")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("タイトル")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_member_hides_an_anonymous_reply_and_a_topic_from_their_own_view_and_brings_one_back(bool javaScript)
    {
        var server = browser.Server;
        var author = await server.RegisterAsync("とく");
        var replier = await server.RegisterAsync("へん");
        var reader = await server.RegisterAsync("みる");
        var title = "眠れない夜 " + Guid.NewGuid().ToString("N")[..6];
        var topicId = await server.PostTopicAsync(author, title, "夜になると不安が強くなります。", anonymous: true);
        var reply = await server.CallAsync(replier, HttpMethod.Post, $"/api/topics/{topicId}/replies",
            new { body = "見たくない人もいる返信です。", anonymous = true }, System.Net.HttpStatusCode.Created);
        var replyId = reply.GetProperty("id").GetGuid();

        var page = await browser.NewPageAsync(javaScript);
        await page.SignInAsync(reader);
        await page.GotoAsync($"/topics/{topicId}");
        var replyArticle = page.Locator($"#post-{replyId}");
        await Expect(replyArticle.Locator(".author")).ToHaveTextAsync("匿名さん");

        // Hide the reply: it leaves this member's thread.
        await replyArticle.GetByRole(AriaRole.Button, new() { Name = "この投稿を非表示にする" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("返信を非表示にしました。");
        await Expect(page.Locator($"#post-{replyId}")).ToHaveCountAsync(0);

        // Hide the topic: back on the board, where it no longer shows.
        await page.Locator($"#post-{topicId}").GetByRole(AriaRole.Button, new() { Name = "この投稿を非表示にする" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("相談を非表示にしました。");
        await Expect(page.Locator(".topic-card", new() { HasText = title })).ToHaveCountAsync(0);

        // Settings lists both; bring the topic back.
        await page.GotoAsync("/settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "非表示にした投稿" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("非表示にした投稿");
        await Expect(page.Locator("li.card")).ToHaveCountAsync(2);
        await page.CheckAsync(javaScript, "settings-hidden");
        await page.GetByRole(AriaRole.Button, new() { Name = $"「{title}」の相談を表示に戻す" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("表示に戻しました。");
        await Expect(page.Locator("li.card")).ToHaveCountAsync(1);
        await page.GotoAsync("/boards/parents");
        await Expect(page.Locator(".topic-card", new() { HasText = title })).ToHaveCountAsync(1);

        // The author's view is untouched: nothing tells them.
        var theirs = await browser.NewPageAsync(javaScript);
        await theirs.SignInAsync(replier);
        await theirs.GotoAsync($"/topics/{topicId}");
        await Expect(theirs.Locator($"#post-{replyId}")).ToContainTextAsync("見たくない人もいる返信です。");
    }
}
