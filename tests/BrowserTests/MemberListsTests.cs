using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Salon.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Salon.BrowserTests;

/// <summary>Search, notifications, お知らせ and the member's own lists.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberListsTests(BrowserFixture browser)
{
    [Fact]
    public async Task Search_finds_an_anonymous_consultation_with_a_one_character_query_and_by_best_match()
    {
        var server = browser.Server;
        var author = await server.RegisterAsync("みお");
        var reader = await server.RegisterAsync("りく");
        var word = "眠" + Guid.NewGuid().ToString("N")[..6];
        var title = "薬の飲み忘れ " + word;
        var topicId = await server.PostTopicAsync(author, title, "夜の薬を飲み忘れることが増えました。声のかけ方に悩んでいます。", anonymous: true);

        var page = await browser.NewPageAsync();
        await page.SignInAsync(reader);
        await page.GetByLabel("相談をさがす").FillAsync("薬");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=%E8%96%AC$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("「薬」の検索結果");
        var result = page.Locator(".search-result", new() { HasText = title });
        await Expect(result.Locator(".author")).ToHaveTextAsync("匿名さん");
        await Expect(result.Locator(".excerpt")).ToContainTextAsync("薬");
        Assert.DoesNotContain(author.Nickname, await page.ContentAsync(), StringComparison.Ordinal);
        await page.CheckAsync(true, "search");

        // Best match first, from the search page's own box; the query stays in it.
        await page.GetByLabel("ことばで相談や返信をさがす").FillAsync(word);
        await page.GetByRole(AriaRole.Button, new() { Name = "検索", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "よく合う順" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=relevance"));
        await Expect(page.GetByLabel("ことばで相談や返信をさがす")).ToHaveValueAsync(word);
        await Expect(page.Locator(".search-result")).ToHaveCountAsync(1);
        await page.Locator(".search-result").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url($"/topics/{topicId}"));
        await Expect(page.Heading()).ToHaveTextAsync(title);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reply_and_grouped_reaction_notices_show_unread_a_deleted_reply_shows_neutrally_and_all_are_marked_read(bool javaScript)
    {
        var server = browser.Server;
        var author = await server.RegisterAsync("そら");
        var replier = await server.RegisterAsync("うみ");
        var another = await server.RegisterAsync("もり");
        var title = "夜眠れない " + Guid.NewGuid().ToString("N")[..6];
        var topicId = await server.PostTopicAsync(author, title, "娘が夜に眠れないようです。");
        var replyId = await server.ReplyAsync(replier, topicId, "うちも同じでした。");
        foreach (var member in new[] { replier, another })
        {
            await server.CallAsync(member, HttpMethod.Put, $"/api/posts/{topicId}/reactions/relate");
        }

        var gone = await server.ReplyAsync(another, topicId, "あとで消す返信です。");
        await server.CallAsync(another, HttpMethod.Delete, $"/api/replies/{gone}", expected: HttpStatusCode.NoContent);

        var page = await browser.NewPageAsync(javaScript);
        await page.SignInAsync(author);
        await Expect(page.Locator(".actions .badge.unread")).ToHaveTextAsync("3");
        await page.GetByRole(AriaRole.Link, new() { Name = "通知", Exact = true }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("通知");
        await Expect(page.Locator(".notification.unread")).ToHaveCountAsync(3);

        // Two reactions are one notice; the reply leads to the reply; the deleted one has no link and no text of its own.
        await Expect(page.Locator(".notification").Filter(new() { HasText = "2人が『わかる』" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"あなたの相談「{title}」に返信がありました。" }))
            .ToHaveAttributeAsync("href", $"/topics/{topicId}#post-{replyId}");
        var unavailable = page.Locator(".notification.unavailable");
        await Expect(unavailable).ToHaveCountAsync(1);
        await Expect(unavailable).ToContainTextAsync("この通知の内容は表示できなくなりました。");
        await Expect(unavailable.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await page.CheckAsync(javaScript, "notifications");

        await page.GetByRole(AriaRole.Button, new() { Name = "すべて既読にする" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("すべて既読にしました。");
        await Expect(page.Locator(".notification")).ToHaveCountAsync(3);
        await Expect(page.Locator(".notification.unread")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "すべて既読にする" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "ホーム" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync($"{author.Nickname}さん、こんにちは");
        await Expect(page.Locator(".actions .badge.unread")).ToHaveCountAsync(0);
        Assert.DoesNotContain("@if", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_topics_my_replies_and_bookmarks_list_what_the_member_wrote_and_kept()
    {
        var server = browser.Server;
        var member = await server.RegisterAsync("ひな");
        var other = await server.RegisterAsync("れん");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await server.PostTopicAsync(member, "自分の相談 " + suffix, "働きながらの通院の付き添いについて。");
        var theirs = "仕事との両立 " + suffix;
        var theirsId = await server.PostTopicAsync(other, theirs, "休みの取り方を知りたいです。");
        await server.ReplyAsync(member, theirsId, "有給を半日ずつ使っています。");

        // Bookmarks a topic on its page, then finds it from home.
        var page = await browser.NewPageAsync();
        await page.SignInAsync(member);
        await page.GotoAsync($"/topics/{theirsId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "ブックマーク" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "ブックマーク済み" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByRole(AriaRole.Link, new() { Name = "ホーム" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "ブックマーク" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("ブックマーク");
        await Expect(page.Locator(".topic-card .title")).ToHaveTextAsync([theirs]);
        await page.CheckAsync(true, "bookmarks");

        await page.GetByRole(AriaRole.Link, new() { Name = "自分の相談" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("自分の相談");
        await Expect(page.Locator(".topic-card .title")).ToHaveTextAsync(["自分の相談 " + suffix]);
        await page.CheckAsync(true);

        await page.GetByRole(AriaRole.Link, new() { Name = "自分の返信" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("自分の返信");
        var reply = page.Locator(".my-reply");
        await Expect(reply.Locator(".title")).ToHaveTextAsync([theirs]);
        await Expect(reply.Locator(".excerpt")).ToHaveTextAsync("有給を半日ずつ使っています。");
        await page.CheckAsync(true, "my-replies");
        await reply.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync(theirs);
    }

    [Fact]
    public async Task Members_read_announcements_for_members_pinned_first_and_open_one()
    {
        var server = browser.Server;
        var official = await server.CreateOfficialAsync();
        var member = await server.RegisterAsync("ゆき");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var pinned = "年末年始の窓口について " + suffix;
        var newer = "交流会のご案内 " + suffix;
        await server.CallAsync(official, HttpMethod.Post, "/api/announcements",
            new { title = pinned, body = "12月29日から1月3日まで、事務局はお休みです。\nつらいときは、ページ下の窓口へ。", pinned = true, @public = false }, HttpStatusCode.Created);
        await server.CallAsync(official, HttpMethod.Post, "/api/announcements",
            new { title = newer, body = "来月の交流会の申し込みが始まりました。", pinned = false, @public = false }, HttpStatusCode.Created);

        var page = await browser.NewPageAsync();
        await page.SignInAsync(member);
        await page.GetByRole(AriaRole.Link, new() { Name = "お知らせ", Exact = true }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("お知らせ");
        var titles = (await page.Locator(".announcement-card .title").AllTextContentsAsync()).ToList();
        Assert.True(titles.IndexOf(pinned) >= 0 && titles.IndexOf(pinned) < titles.IndexOf(newer), string.Join(" / ", titles));
        await Expect(page.Locator(".announcement-card", new() { HasText = pinned }).Locator(".badge")).ToHaveTextAsync("固定");
        await page.CheckAsync(true, "announcements");

        await page.GetByRole(AriaRole.Link, new() { Name = pinned }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync(pinned);
        await Expect(page.Locator(".announcement .body")).ToContainTextAsync("つらいときは、ページ下の窓口へ。");
        await Expect(page.Locator(".announcement .badge").First).ToHaveTextAsync("公式");
        await page.CheckAsync(true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_visitor_who_is_not_signed_in_reads_public_announcements_but_not_the_members_only_ones(bool javaScript)
    {
        var server = browser.Server;
        var official = await server.CreateOfficialAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var open = "家族会のつどいのお知らせ " + suffix;
        var closed = "メンバー向けのご案内 " + suffix;
        await server.CallAsync(official, HttpMethod.Post, "/api/announcements",
            new { title = open, body = "どなたでも参加できます。", pinned = false, @public = true }, HttpStatusCode.Created);
        var membersOnly = await server.CallAsync(official, HttpMethod.Post, "/api/announcements",
            new { title = closed, body = "メンバーだけに。", pinned = false, @public = false }, HttpStatusCode.Created);

        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = open }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync(open);
        await Expect(page.Locator(".announcement .body")).ToHaveTextAsync("どなたでも参加できます。");
        await page.CheckAsync(javaScript);

        await page.GotoAsync("/announcements");
        await Expect(page.Locator(".announcement-card", new() { HasText = open })).ToHaveCountAsync(1);
        await Expect(page.Locator(".announcement-card", new() { HasText = closed })).ToHaveCountAsync(0);
        await page.CheckAsync(javaScript);

        await page.GotoAsync($"/announcements/{membersOnly.GetProperty("id").GetGuid()}");
        await Expect(page.GetByText("メンバーだけが読めるお知らせもあります。")).ToBeVisibleAsync();
        await Expect(page.GetByText("メンバーだけに。")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_author_sees_that_a_held_consultation_is_under_review_and_others_do_not_see_it()
    {
        var server = browser.Server;
        var admin = await server.CreateOfficialAsync();
        var author = await server.RegisterAsync("まつ");
        var word = "確認語" + Guid.NewGuid().ToString("N")[..6];
        await server.CallAsync(admin, HttpMethod.Put, "/api/moderation/watched-words", new[] { new { word, action = "hold" } }, HttpStatusCode.OK);
        var title = "見てほしい相談 " + word;
        var topicId = await server.PostTopicAsync(author, title, "この本文には " + word + " が入っています。");

        var page = await browser.NewPageAsync();
        await page.SignInAsync(author);
        await page.GotoAsync("/me/topics");
        await Expect(page.Locator(".topic-card", new() { HasText = title }).Locator(".badge.review")).ToHaveTextAsync("確認中");
        await page.GotoAsync($"/topics/{topicId}");
        await Expect(page.Locator(".notice.review")).ToContainTextAsync("運営が内容を確認しています");
        await page.CheckAsync(true);

        var other = await browser.NewPageAsync();
        await other.SignInAsync(await server.RegisterAsync("ほか"));
        await other.GotoAsync("/boards/parents");
        await Expect(other.Locator(".topic-card", new() { HasText = title })).ToHaveCountAsync(0);
    }
}
