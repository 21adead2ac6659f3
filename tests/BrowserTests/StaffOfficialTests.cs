using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Salon.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Salon.BrowserTests;

/// <summary>The officials' and admins' pages: 交流会 management with the applicants' CSV, the insights charts, and the
/// 「運営メンバー専用」 answer for members.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffOfficialTests(BrowserFixture browser)
{
    private const string StaffOnly = "この画面は運営メンバー専用です";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_official_creates_a_meeting_raises_its_capacity_when_full_and_downloads_the_applicants(bool javaScript)
    {
        var server = browser.Server;
        var official = await server.CreateOfficialAsync();
        var first = await server.RegisterAsync("はる");
        var second = await server.RegisterAsync("あめ");
        var title = "親の集い " + Guid.NewGuid().ToString("N")[..6];
        var startsJst = DateTime.UtcNow.AddHours(9).Date.AddDays(14).AddHours(14);

        // The official finds 「交流会を作る」 on the 交流会 list and fills in the form.
        var page = await browser.NewPageAsync(javaScript);
        await page.SignInAsync(official);
        await page.GotoAsync("/meetings");
        await page.Locator("#main").GetByRole(AriaRole.Link, new() { Name = "交流会を作る" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("交流会を作る");
        await page.GetByLabel("タイトル").FillAsync(title);
        await page.GetByLabel("説明").FillAsync("同じ立場どうしで、ゆっくり話しましょう。");
        await page.GetByLabel("開始").FillAsync(startsJst.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.GetByLabel("終了").FillAsync(startsJst.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.GetByLabel("申し込み締め切り（任意）").FillAsync(startsJst.AddDays(-2).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Radio, new() { Name = "対面" }).CheckAsync();
        await page.GetByLabel("会場（対面の会・確定した人だけに表示）").FillAsync("杉並区阿佐谷南1-2-3 地域センター 2階");
        await page.GetByLabel("公開する地域（対面の会・全員に表示）").FillAsync("東京都杉並区");
        await page.GetByLabel("定員（人）").FillAsync("1");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "親", Exact = true }).CheckAsync();
        await page.GetByLabel("参加費（任意）").FillAsync("無料");
        await page.CheckAsync(javaScript, "staff-meeting-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "交流会を作る" }).ClickAsync();

        await Expect(page.Heading()).ToHaveTextAsync("申し込み状況");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("交流会を作りました");
        var id = Guid.Parse(Regex.Match(page.Url, "/meetings/([0-9a-f-]{36})/manage").Groups[1].Value);
        var meeting = await server.CallAsync(first, HttpMethod.Get, $"/api/meetings/{id}");
        Assert.Equal(title, meeting.GetProperty("title").GetString());
        Assert.Equal("東京都杉並区", meeting.GetProperty("area").GetString());
        Assert.Equal(["parent"], meeting.GetProperty("eligibility").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(startsJst.AddHours(-9), meeting.GetProperty("startsAt").GetDateTime().ToUniversalTime());
        Assert.Equal(startsJst.AddDays(-2).AddHours(-9), meeting.GetProperty("applicationDeadline").GetDateTime().ToUniversalTime());

        // Members apply until it is full: the second one waits, first in line. Notes are members' words: one
        // looks like a spreadsheet formula and carries a comma and quotes.
        await server.CallAsync(first, HttpMethod.Post, $"/api/meetings/{id}/applications", new { note = "はじめてです" }, HttpStatusCode.Created);
        await server.CallAsync(second, HttpMethod.Post, $"/api/meetings/{id}/applications", new { note = "=HYPERLINK(\"x\"),車いすです" }, HttpStatusCode.Created);
        await page.ReloadAsync();
        await Expect(page.Locator(".count[data-status=accepted]")).ToHaveTextAsync("1");
        await Expect(page.Locator(".count[data-status=capacity]")).ToHaveTextAsync("1");
        await Expect(page.Locator(".count[data-status=waitlisted]")).ToHaveTextAsync("1");
        var waiting = page.Locator(".applicant[data-status=waitlisted]");
        await Expect(waiting).ToContainTextAsync("1番目");
        await Expect(waiting).ToContainTextAsync(second.Nickname);
        await Expect(waiting).ToContainTextAsync("車いすです");
        Assert.DoesNotContain(first.Email, await page.ContentAsync(), StringComparison.Ordinal);
        await page.CheckAsync(javaScript, "staff-meeting-applicants");

        // The official raises the capacity; the waitlisted member is promoted at once.
        await page.GetByRole(AriaRole.Link, new() { Name = "編集する（定員・日時・場所）" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("交流会を編集する");
        await Expect(page.GetByLabel("タイトル")).ToHaveValueAsync(title);
        await page.CheckAsync(javaScript);
        await page.GetByLabel("定員（人）").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "変更を保存する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("変更を保存しました。");
        await Expect(page.Locator(".count[data-status=accepted]")).ToHaveTextAsync("2");
        await Expect(page.Locator(".count[data-status=waitlisted]")).ToHaveTextAsync("0");
        await Expect(page.Locator(".applicant[data-status=accepted]", new() { HasText = second.Nickname })).ToHaveCountAsync(1);
        var promoted = await server.CallAsync(second, HttpMethod.Get, $"/api/meetings/{id}");
        Assert.Equal("accepted", promoted.GetProperty("myApplication").GetProperty("status").GetString());

        // The CSV: UTF-8 with a byte order mark, one row per applicant in arrival order, no e-mail address.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "申し込み者の一覧（CSV）" }).ClickAsync());
        Assert.Equal($"salon-meeting-{id:N}-applicants.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.DoesNotContain("@", csv, StringComparison.Ordinal);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, rows.Length);
        Assert.Equal("ニックネーム,家族の立場,状態,キャンセル待ち順,申し込み日時,確定日時,取り消し日時,メモ", rows[0]);
        Assert.Matches($"^{first.Nickname},親,参加確定,,\\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d,\\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d,,はじめてです$", rows[1]);
        Assert.Matches($"^{second.Nickname},親,参加確定,,\\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d,\\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d,,", rows[2]);
        Assert.EndsWith(",\"'=HYPERLINK(\"\"x\"\"),車いすです\"", rows[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_official_cancels_a_meeting_and_the_applicants_are_told()
    {
        var server = browser.Server;
        var official = await server.CreateOfficialAsync();
        var member = await server.RegisterAsync("くも");
        var id = await server.CreateMeetingAsync(official, "中止する会 " + Guid.NewGuid().ToString("N")[..6]);
        await server.CallAsync(member, HttpMethod.Post, $"/api/meetings/{id}/applications", new { }, HttpStatusCode.Created);

        var page = await browser.NewPageAsync();
        await page.SignInAsync(official);
        await page.GotoAsync($"/meetings/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "申し込み状況・編集（運営）" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "この交流会を中止する…" }).ClickAsync();
        await page.GetByLabel("中止の理由（お知らせに書かれます・任意）").FillAsync("会場の都合のため");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "中止を確定する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("交流会を中止しました");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("中止");

        var seen = await server.CallAsync(member, HttpMethod.Get, $"/api/meetings/{id}");
        Assert.Equal("cancelled", seen.GetProperty("status").GetString());
        Assert.Equal("会場の都合のため", seen.GetProperty("cancellationReason").GetString());
        var notices = await server.CallAsync(member, HttpMethod.Get, "/api/notifications");
        Assert.Contains(notices.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "meeting_cancelled");
    }

    [Fact]
    public async Task An_admin_sees_the_insights_charts_with_the_numbers_the_api_gives()
    {
        var server = browser.Server;
        var admin = await server.CreateOfficialAsync();
        for (var i = 0; i < 5; i++)
        {
            await server.RegisterAsync("かぜ");
        }

        await server.RegisterAsync("ぱあとなあ", "partner"); // the only partner: 1, shown as 「5未満」
        var api = await server.CallAsync(admin, HttpMethod.Get, "/api/insights/summary");

        var page = await browser.NewPageAsync();
        await page.SignInAsync(admin);
        await page.GotoAsync("/insights");
        await Expect(page.Heading()).ToHaveTextAsync("サロンのようす");

        // Every monthly bar carries the API's figure; suppressed counts read 「5未満」, never a number.
        foreach (var (chart, field) in new[] { ("registrations", "registrations"), ("topics", "topics"), ("replies", "replies") })
        {
            var svg = page.Locator($"#{chart} svg");
            await Expect(svg.Locator("title")).ToHaveCountAsync(1);
            await Expect(svg.Locator("desc")).ToHaveCountAsync(1);
            foreach (var month in api.GetProperty("months").EnumerateArray())
            {
                var value = page.Locator($"#{chart} g.row[data-label='{month.GetProperty("month").GetString()}'] text.value");
                await Expect(value).ToHaveTextAsync(Shown(month.GetProperty(field)));
            }
        }

        var thisMonth = api.GetProperty("months").EnumerateArray().Last().GetProperty("registrations");
        Assert.Equal(JsonValueKind.Number, thisMonth.ValueKind);
        var positions = api.GetProperty("membersByFamilyPosition");
        Assert.Equal("<5", positions.GetProperty("partner").GetString());
        foreach (var position in positions.EnumerateObject())
        {
            await Expect(page.Locator($"#positions g.row[data-label='{position.Name}'] text.value")).ToHaveTextAsync(Shown(position.Value));
        }

        await Expect(page.Locator("#positions g.row[data-label='partner'] text.value")).ToHaveTextAsync("5未満");
        await Expect(page.Locator("#positions table")).ToContainTextAsync("5未満");
        await Expect(page.Locator("[data-figure=consultations]")).ToContainTextAsync(Shown(api.GetProperty("consultations").GetProperty("consultations")));
        await Expect(page.Locator("[data-figure=decisions]")).ToContainTextAsync(Shown(api.GetProperty("moderation").GetProperty("decisions")));
        await Expect(page.Locator("[data-figure=meetings]")).ToContainTextAsync(Shown(api.GetProperty("meetings").GetProperty("meetings")));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "ジョブの管理画面" })).ToHaveAttributeAsync("href", "/hangfire");
        await page.CheckAsync(javaScript: true, "staff-insights");
    }

    [Fact]
    public async Task A_member_is_refused_every_officials_and_admins_page()
    {
        var server = browser.Server;
        var official = await server.CreateOfficialAsync();
        var member = await server.RegisterAsync("つゆ");
        var meeting = await server.CreateMeetingAsync(official, "会 " + Guid.NewGuid().ToString("N")[..6]);
        var announcement = (await server.CallAsync(official, HttpMethod.Post, "/api/announcements",
            new { title = "お知らせ", body = "本文", pinned = false, @public = false }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var page = await browser.NewPageAsync();
        await page.SignInAsync(member);
        await page.GotoAsync("/meetings");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "交流会を作る" })).ToHaveCountAsync(0);
        await page.GotoAsync($"/meetings/{meeting}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "申し込み状況・編集（運営）" })).ToHaveCountAsync(0);
        await page.GotoAsync("/announcements");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "お知らせの管理（運営）" })).ToHaveCountAsync(0);

        string[] paths =
        [
            "/meetings/new", $"/meetings/{meeting}/edit", $"/meetings/{meeting}/manage",
            "/announcements/manage", "/announcements/new", $"/announcements/{announcement}/edit", "/insights",
        ];
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 403, $"{path}: {response.Status}");
            await Expect(page.Heading()).ToHaveTextAsync(StaffOnly);
        }

        await page.AssertAccessibleAsync();

        // The CSV download answers nothing but the same page.
        await page.GotoAsync($"/meetings/{meeting}/applicants.csv");
        await Expect(page.Heading()).ToHaveTextAsync(StaffOnly);
        await Expect(page).ToHaveURLAsync(server.Url($"/meetings/{meeting}/manage"));
    }

    private static string Shown(JsonElement count) =>
        count.ValueKind == JsonValueKind.Number ? count.GetInt32().ToString("N0", CultureInfo.InvariantCulture) : "5未満";
}
