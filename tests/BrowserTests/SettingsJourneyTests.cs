using System.Text.Json;
using Microsoft.Playwright;
using Salon.BrowserTests.Infrastructure;
using Salon.Domain.Notifications;
using static Microsoft.Playwright.Assertions;

namespace Salon.BrowserTests;

/// <summary>The settings pages (notifications, profile, blocks, password and e-mail, export, deletion) and the
/// report page, through the browser like a member would use them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsJourneyTests(BrowserFixture browser)
{
    private const string Body = "息子が退院してから、家での接し方に悩んでいます。みなさんはどうしていますか。";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Notification_settings_are_saved_and_are_still_there_after_a_reload(bool javaScript)
    {
        var member = await browser.Server.RegisterAsync("ふゆ");
        var page = await browser.NewPageAsync(javaScript);
        await page.SignInAsync(member);

        // Mail to the address bounced: the home page and the settings page say so, with the way to fix it.
        await browser.Server.WithDbAsync(db =>
        {
            db.UndeliverableAddresses.Add(UndeliverableAddress.Mark(member.Email, "smtp 550", DateTime.UtcNow));
            return db.SaveChangesAsync();
        });
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("メールが届かない");
        await page.GetByRole(AriaRole.Link, new() { Name = "設定", Exact = true }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("設定");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("メールが届かない");
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "メールアドレスを確認・変更する" })).ToBeVisibleAsync();
        await CheckAsync(page, javaScript, "settings");

        await page.GetByRole(AriaRole.Link, new() { Name = "通知とメール" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("通知とメール");
        var replies = page.GetByRole(AriaRole.Group, new() { Name = "自分の相談への返信", Exact = true });
        var reactions = page.GetByRole(AriaRole.Group, new() { Name = "共感のリアクション", Exact = true });
        await Expect(replies.GetByLabel("すぐにメールで知らせる")).ToBeCheckedAsync();
        await Expect(reactions.GetByLabel("サロンの「通知」に出す")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("毎週（日曜日）")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("届く時刻（日本時間）")).ToHaveValueAsync("20");
        await CheckAsync(page, javaScript, "settings-notifications");

        await replies.GetByLabel("メールでは知らせない").CheckAsync();
        await reactions.GetByLabel("サロンの「通知」に出す").UncheckAsync();
        await page.GetByLabel("毎日").CheckAsync();
        await page.GetByLabel("届く時刻（日本時間）").SelectOptionAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("保存しました。");

        await page.GotoAsync("/settings/notifications");
        await Expect(replies.GetByLabel("メールでは知らせない")).ToBeCheckedAsync();
        await Expect(replies.GetByLabel("サロンの「通知」に出す")).ToBeCheckedAsync();
        await Expect(reactions.GetByLabel("サロンの「通知」に出す")).Not.ToBeCheckedAsync();
        await Expect(reactions.GetByLabel("まとめメールで知らせる")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("毎日")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("届く時刻（日本時間）")).ToHaveValueAsync("7");
    }

    [Fact]
    public async Task Unticking_every_in_app_box_saves_every_kind_off()
    {
        // The browser posts no box at all then: that is "all off", not a missing form.
        var member = await browser.Server.RegisterAsync("あお");
        var page = await browser.NewPageAsync(javaScript: false);
        await page.SignInAsync(member);
        await page.GotoAsync("/settings/notifications");
        var boxes = page.GetByLabel("サロンの「通知」に出す");
        Assert.True(await boxes.CountAsync() >= 4);
        foreach (var box in await boxes.AllAsync())
        {
            await box.UncheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("保存しました。");
        foreach (var box in await boxes.AllAsync())
        {
            await Expect(box).Not.ToBeCheckedAsync();
        }

        // Through the API: every kind off in the app, but the moderators' notices, which always arrive.
        var settings = await browser.Server.CallAsync(member, HttpMethod.Get, "/api/me/notification-settings");
        var inApp = settings.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("inApp").GetBoolean());
        Assert.All(inApp.Where(k => k.Key != "moderation"), k => Assert.False(k.Value, k.Key));
    }

    [Fact]
    public async Task Unticking_every_family_position_is_answered_with_the_APIs_reason_and_changes_nothing()
    {
        var member = await browser.Server.RegisterAsync("みどり");
        var page = await browser.NewPageAsync(javaScript: false);
        await page.SignInAsync(member);
        await page.GotoAsync("/settings/profile");
        await page.GetByLabel("親", new() { Exact = true }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.Locator("#error-familyPositions")).ToContainTextAsync("家族の立場を1つ以上選んでください。");
        await Expect(page.GetByLabel("ニックネーム")).ToHaveValueAsync(member.Nickname);

        var me = await browser.Server.CallAsync(member, HttpMethod.Get, "/api/me");
        Assert.Equal(["parent"], me.GetProperty("familyPositions").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task A_member_edits_their_profile_and_sees_it_as_others_do()
    {
        var member = await browser.Server.RegisterAsync("なつ");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(member);
        await page.GotoAsync("/settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "プロフィール" }).First.ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("プロフィール");
        await Expect(page.GetByLabel("ニックネーム")).ToHaveValueAsync(member.Nickname);
        await Expect(page.GetByLabel("親", new() { Exact = true })).ToBeCheckedAsync();
        await CheckAsync(page, true, "settings-profile");

        // The API's reason, next to the field; what was typed stays.
        await page.GetByLabel("ニックネーム").FillAsync("な");
        await page.GetByLabel("自己紹介（任意）").FillAsync("統合失調症の息子がいます。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.Locator("#error-nickname")).ToContainTextAsync("2〜20文字");
        await Expect(page.GetByLabel("自己紹介（任意）")).ToHaveValueAsync("統合失調症の息子がいます。");
        await page.AssertAccessibleAsync();

        var nickname = member.Nickname + "改";
        await page.GetByLabel("ニックネーム").FillAsync(nickname);
        await page.GetByLabel("きょうだい").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("保存しました。");
        await Expect(page.GetByLabel("ニックネーム")).ToHaveValueAsync(nickname);
        await Expect(page.GetByLabel("きょうだい")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("自己紹介（任意）")).ToHaveValueAsync("統合失調症の息子がいます。");

        await page.GotoAsync("/settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "ほかのメンバーから見たあなたのプロフィール" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync(nickname);
        await Expect(page.Locator("dl.profile")).ToContainTextAsync("親・きょうだい");
        await Expect(page.GetByText("統合失調症の息子がいます。")).ToBeVisibleAsync();
        await Expect(page.GetByText("これはあなたのプロフィールです")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "ブロック" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_member_blocks_a_named_author_from_their_profile_which_hides_only_their_named_posts_and_unblocks_in_settings()
    {
        var author = await browser.Server.RegisterAsync("あき");
        var reader = await browser.Server.RegisterAsync("はる");
        var named = "名前つきの相談 " + Guid.NewGuid().ToString("N")[..6];
        var anonymous = "匿名の相談 " + Guid.NewGuid().ToString("N")[..6];
        var namedId = await browser.Server.PostTopicAsync(author, named, Body, anonymous: false);
        await browser.Server.PostTopicAsync(author, anonymous, Body, anonymous: true);

        var page = await browser.NewPageAsync();
        await page.SignInAsync(reader);
        await page.GotoAsync($"/topics/{namedId}");
        await page.Locator("article").First.GetByRole(AriaRole.Link, new() { Name = author.Nickname }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync(author.Nickname);
        await Expect(page.Locator(".notice").First).ToContainTextAsync("「匿名さん」として書かれた投稿は、ブロックしても表示されたままです");
        await CheckAsync(page, true, "member-profile");

        await page.GetByRole(AriaRole.Button, new() { Name = $"{author.Nickname}さんをブロックする" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{author.Nickname}さんをブロックしました。");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "ブロックを解除する" })).ToBeVisibleAsync();

        // The named consultation is gone for the reader; the anonymous one by the same author is not.
        await page.GotoAsync("/boards/parents");
        await Expect(page.Locator(".topic-card", new() { HasText = anonymous })).ToHaveCountAsync(1);
        await Expect(page.Locator(".topic-card", new() { HasText = named })).ToHaveCountAsync(0);

        await page.GotoAsync("/settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "ブロックしているメンバー" }).ClickAsync();
        var row = page.Locator(".block-row", new() { HasText = author.Nickname });
        await Expect(row).ToHaveCountAsync(1);
        await CheckAsync(page, true, "settings-blocks");
        await row.GetByRole(AriaRole.Button, new() { Name = "ブロックを解除する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("ブロックを解除しました。");
        await Expect(page.GetByText("ブロックしているメンバーはいません。")).ToBeVisibleAsync();

        await page.GotoAsync("/boards/parents");
        await Expect(page.Locator(".topic-card", new() { HasText = named })).ToHaveCountAsync(1);
    }

    /// <summary>A second tap, or a tab opened before the first (the page still says ブロックする), asks for what the
    /// button says, not for the opposite of whatever holds by then: it must not unblock, unfollow, remove the
    /// bookmark or take back the わかる the first tap gave.</summary>
    [Fact]
    public async Task A_second_tap_from_a_page_opened_before_the_first_keeps_the_block_follow_bookmark_and_reaction()
    {
        var author = await browser.Server.RegisterAsync("なつ");
        var reader = await browser.Server.RegisterAsync("ふゆ");
        var topicId = await browser.Server.PostTopicAsync(author, "二度押しの確かめ " + Guid.NewGuid().ToString("N")[..6], Body, anonymous: false);
        var authorId = (await browser.Server.CallAsync(reader, HttpMethod.Get, $"/api/topics/{topicId}")).GetProperty("author").GetProperty("id").GetGuid();

        var first = await browser.NewPageAsync();
        await first.SignInAsync(reader);
        var second = await first.Context.NewPageAsync();
        foreach (var page in new[] { first, second })
        {
            await page.GotoAsync($"/topics/{topicId}");
        }

        foreach (var page in new[] { first, second })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "フォローする" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "フォロー中" })).ToBeVisibleAsync();
        }

        foreach (var page in new[] { first, second })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "ブックマーク", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "ブックマーク済み" })).ToBeVisibleAsync();
        }

        await first.GotoAsync($"/topics/{topicId}");
        await second.GotoAsync($"/topics/{topicId}");
        foreach (var page in new[] { first, second })
        {
            await page.Locator("article").First.GetByRole(AriaRole.Button, new() { Name = "わかる" }).ClickAsync();
            await Expect(page.Locator("article").First.GetByRole(AriaRole.Button, new() { Name = "わかる 1" })).ToHaveAttributeAsync("aria-pressed", "true");
        }

        var view = await browser.Server.CallAsync(reader, HttpMethod.Get, $"/api/topics/{topicId}");
        Assert.True(view.GetProperty("isFollowing").GetBoolean());
        Assert.True(view.GetProperty("isBookmarked").GetBoolean());
        Assert.Equal(["relate"], view.GetProperty("myReactions").EnumerateArray().Select(r => r.GetString()));

        foreach (var page in new[] { first, second })
        {
            await page.GotoAsync($"/members/{authorId}");
        }

        foreach (var page in new[] { first, second })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"{author.Nickname}さんをブロックする" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{author.Nickname}さんをブロックしました。");
        }

        var blocks = await browser.Server.CallAsync(reader, HttpMethod.Get, "/api/me/blocks");
        Assert.Contains(blocks.GetProperty("items").EnumerateArray(), b => b.GetProperty("memberId").GetGuid() == authorId);
    }

    [Fact]
    public async Task A_member_changes_their_password_and_email_and_signs_in_with_the_new_ones()
    {
        var member = await browser.Server.RegisterAsync("みお");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(member);
        await page.GotoAsync("/settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "パスワードの変更" }).ClickAsync();
        await CheckAsync(page, true, "settings-password");

        const string newPassword = "a new and longer password";
        await page.GetByLabel("いまのパスワード").FillAsync("not my password");
        await page.GetByLabel("新しいパスワード").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
        await Expect(page.Locator("#error-currentPassword")).ToContainTextAsync("パスワードが正しくありません");
        await page.GetByLabel("いまのパスワード").FillAsync(member.Password);
        await page.GetByLabel("新しいパスワード").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("パスワードを変更しました");

        // This device stays signed in; a new one signs in with the new password only.
        await page.GotoAsync("/settings");
        await Expect(Heading(page)).ToHaveTextAsync("設定");
        var elsewhere = await browser.NewPageAsync();
        await elsewhere.SignInAsync(member with { Password = newPassword });

        // The e-mail: a confirmation goes to the new address; its link opens a page with a button.
        var newEmail = "new-" + member.Email;
        await page.GetByRole(AriaRole.Link, new() { Name = "メールアドレスの変更" }).ClickAsync();
        await Expect(page.GetByText(member.Email)).ToBeVisibleAsync();
        await CheckAsync(page, true, "settings-email");
        await page.GetByLabel("新しいメールアドレス").FillAsync(newEmail);
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "確認のメールを送る" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("新しいメールアドレスに、確認のメールを送りました");

        var link = await browser.Server.LinkFromLatestMailAsync(newEmail, "email-change-confirmation", "/confirm-email-change");
        await page.GotoAsync(link);
        await Expect(page.GetByText(newEmail)).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "このメールアドレスに変更する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("メールアドレスを変更しました");

        var withNewEmail = await browser.NewPageAsync();
        await withNewEmail.SignInAsync(member with { Email = newEmail, Password = newPassword });
    }

    [Fact]
    public async Task The_export_downloads_a_json_file_with_the_members_data()
    {
        var member = await browser.Server.RegisterAsync("そら");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(member);
        await page.GotoAsync("/settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "データのダウンロード" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("データのダウンロード");
        await CheckAsync(page, true, "settings-export");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "ダウンロードする" }).ClickAsync());
        Assert.Matches(@"^salon-export-\d{8}\.json$", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains(member.Nickname, text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        await Expect(Heading(page)).ToHaveTextAsync("データのダウンロード");

        // The download is a form with an anti-forgery token: a post from elsewhere, with the cookie but without
        // the token, gets no data, only the way back to the page.
        var forged = await page.APIRequest.PostAsync("/settings/export/download", new() { MaxRedirects = 0 });
        Assert.Equal(302, forged.Status);
        Assert.EndsWith("/settings/export?failed=true", forged.Headers["location"], StringComparison.Ordinal);
        Assert.DoesNotContain(member.Nickname, await forged.TextAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_member_deletes_their_account_keeping_posts_anonymised_and_can_no_longer_sign_in(bool javaScript)
    {
        var member = await browser.Server.RegisterAsync("ゆき");
        var page = await browser.NewPageAsync(javaScript);
        await page.SignInAsync(member);
        await page.GotoAsync("/settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "退会する" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("退会する");

        // Nothing is chosen for the member: going on without a choice asks for one.
        await Expect(page.GetByLabel("匿名化して残す")).Not.ToBeCheckedAsync();
        await Expect(page.GetByLabel("すべて削除する")).Not.ToBeCheckedAsync();
        await CheckAsync(page, javaScript, "settings-delete");
        await page.GetByRole(AriaRole.Button, new() { Name = "確認へ進む" }).ClickAsync();
        await Expect(page.Locator("#error-contentHandling")).ToContainTextAsync("どちらかを選んでください");

        await page.GetByLabel("匿名化して残す").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "確認へ進む" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "この内容で退会します" })).ToBeVisibleAsync();
        await Expect(page.Locator("section.notice")).ToContainTextAsync("匿名化して残す");
        await CheckAsync(page, javaScript, "settings-delete-confirm");

        await page.GetByLabel("パスワード").FillAsync("not my password");
        await page.GetByRole(AriaRole.Button, new() { Name = "退会する" }).ClickAsync();
        await Expect(page.Locator("#error-password")).ToContainTextAsync("パスワードが正しくありません");
        await page.GetByLabel("パスワード").FillAsync(member.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "退会する" }).ClickAsync();

        await Expect(Heading(page)).ToHaveTextAsync("退会の手続きが終わりました");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "相談できる窓口を見る" })).ToBeVisibleAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "salon-session");
        await CheckAsync(page, javaScript, null);

        await page.GotoAsync("/login");
        await page.GetByLabel("メールアドレス").FillAsync(member.Email);
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(member.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await Expect(page.Locator(".problem")).ToBeVisibleAsync();
        await Expect(Heading(page)).ToHaveTextAsync("ログイン");
    }

    [Fact]
    public async Task A_member_reports_a_post_because_they_are_worried_about_its_author()
    {
        var author = await browser.Server.RegisterAsync("かえ");
        var reader = await browser.Server.RegisterAsync("りん");
        var title = "眠れない夜が続いています " + Guid.NewGuid().ToString("N")[..6];
        var topicId = await browser.Server.PostTopicAsync(author, title, Body, anonymous: true);

        var page = await browser.NewPageAsync();
        await page.SignInAsync(reader);
        await page.GotoAsync($"/topics/{topicId}");
        await page.Locator("article").First.GetByRole(AriaRole.Link, new() { Name = "この投稿を報告する" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("投稿を報告する");
        await Expect(page.GetByText($"「{title}」").First).ToBeVisibleAsync();
        await CheckAsync(page, true, "report");

        await page.GetByRole(AriaRole.Button, new() { Name = "報告する" }).ClickAsync();
        await Expect(page.Locator("#error-reason")).ToContainTextAsync("理由を選んでください");
        await page.GetByLabel("この人が心配").CheckAsync();
        await page.GetByLabel("運営チームへのメモ（任意）").FillAsync("とてもつらそうです。");
        await page.GetByRole(AriaRole.Button, new() { Name = "報告する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("報告を受け付けました");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("心配してくれて、ありがとうございます");
        await page.AssertAccessibleAsync();

        // The author's own page has no report link on their post.
        var own = await browser.NewPageAsync();
        await own.SignInAsync(author);
        await own.GotoAsync($"/topics/{topicId}");
        await Expect(own.Locator("article").First.GetByRole(AriaRole.Link, new() { Name = "この投稿を報告する" })).ToHaveCountAsync(0);
    }

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>Axe (JavaScript on only: it hangs without) and, when named, a screenshot for docs/screens.</summary>
    private static async Task CheckAsync(IPage page, bool javaScript, string? screenshot)
    {
        if (!javaScript)
        {
            return;
        }

        await page.AssertAccessibleAsync();
        if (screenshot is not null)
        {
            await page.ScreenshotAsync(screenshot);
        }
    }
}
