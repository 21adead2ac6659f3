using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salon.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Salon.BrowserTests;

/// <summary>Times near year 1 or 9999 on the staff pages (robustness review, session 30, items 2–4): a form given such
/// a time shows the allowed years on the field, and rows stored with one before the API refused them still render.
/// Each of these pages answered 500 before.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FarDateTests(BrowserFixture browser)
{
    /// <summary>Within 9 hours of <see cref="DateTime.MaxValue"/>: its Japan time cannot be represented.</summary>
    private static readonly DateTime LastSecond = new(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc);

    private static DateTime Start => DateTime.UtcNow.Date.AddDays(30).AddHours(3);

    private async Task<IPage> SignedInAsync(Member staff)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(staff);
        return page;
    }

    [Fact]
    public async Task The_meeting_form_given_a_year_1_time_shows_the_allowed_years_on_the_field()
    {
        var server = browser.Server;
        var official = await server.CreateOfficialAsync();
        var page = await SignedInAsync(official);

        await page.GotoAsync("/meetings/new");
        await page.GetByLabel("タイトル").FillAsync("遠い昔の交流会");
        await page.GetByLabel("説明").FillAsync("d");
        await page.GetByLabel("開始").FillAsync("0001-01-01T00:00");
        await page.GetByLabel("終了").FillAsync("0001-01-01T01:00");
        await page.GetByLabel("定員（人）").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "交流会を作る" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("交流会を作る");
        await Expect(page.Locator("#error-startsAt")).ToContainTextAsync("2000-01-01");

        var meeting = await server.CallAsync(official, HttpMethod.Post, "/api/meetings", new
        {
            title = "近い日の交流会", description = "d", startsAt = Start, endsAt = Start.AddHours(2), format = "online", capacity = 5,
        }, HttpStatusCode.Created);
        await page.GotoAsync($"/meetings/{meeting.GetProperty("id").GetGuid()}/edit");
        await page.GetByLabel("申し込み締め切り（任意）").FillAsync("0001-01-01T00:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "変更を保存する" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("交流会を編集する");
        await Expect(page.Locator("#error-applicationDeadline")).ToContainTextAsync("2000-01-01");
    }

    [Fact]
    public async Task The_announcement_form_given_a_year_1_or_year_9999_schedule_says_so_on_the_field()
    {
        var official = await browser.Server.CreateOfficialAsync();
        var page = await SignedInAsync(official);

        await page.GotoAsync("/announcements/new");
        await page.GetByLabel("タイトル").FillAsync("遠い日のお知らせ");
        await page.GetByLabel("本文").FillAsync("本文");
        await page.GetByRole(AriaRole.Radio, new() { Name = "日時を予約する" }).CheckAsync();
        await page.GetByLabel("公開する日時（日本時間）").FillAsync("0001-01-01T00:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "プレビュー" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("お知らせを書く");
        await Expect(page.Locator("#error-publishAt")).ToContainTextAsync("これから先の日時");

        // A time the form can read but the API does not take: its answer, on the field.
        await page.GetByLabel("公開する日時（日本時間）").FillAsync("9999-12-31T23:59");
        await page.GetByRole(AriaRole.Button, new() { Name = "プレビュー" }).ClickAsync();
        await Expect(page.Locator(".preview")).ToContainTextAsync("9999年12月31日");
        await page.GetByRole(AriaRole.Button, new() { Name = "予約する" }).ClickAsync();
        await Expect(page.Locator("#error-publishAt")).ToContainTextAsync("2999-12-31");
    }

    [Fact]
    public async Task An_announcement_stored_for_year_9999_still_shows_on_the_officials_pages()
    {
        var server = browser.Server;
        var official = await server.CreateOfficialAsync();
        var created = await server.CallAsync(official, HttpMethod.Post, "/api/announcements", new
        {
            title = "遠い未来のお知らせ", body = "本文", pinned = false, @public = true, publishAt = Start,
        }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await server.WithDbAsync(db => db.Announcements.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishAt, LastSecond)));

        var page = await SignedInAsync(official);
        foreach (var path in new[] { "/announcements", "/announcements/manage", $"/announcements/{id}", $"/announcements/{id}/edit" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 200, $"{path}: {response.Status}");
        }

        await Expect(page.GetByLabel("公開する日時（日本時間）")).ToHaveValueAsync(new Regex("^9999-12-31T"));
    }

    [Fact]
    public async Task A_suspension_until_year_9999_shows_on_the_roles_page_and_the_suspension_form_refuses_it_on_the_field()
    {
        var server = browser.Server;
        var admin = await server.CreateOfficialAsync();
        var member = await server.RegisterAsync("とおい");
        var id = await server.MemberIdAsync(admin, member);
        var page = await SignedInAsync(admin);

        await page.GotoAsync($"/staff/members/{id}/suspension");
        await page.GetByLabel("いつまで（空欄なら、解除するまで）").FillAsync("9999-12-31");
        await page.GetByLabel(new Regex("^理由")).FillAsync("遠い未来まで");
        await page.GetByRole(AriaRole.Button, new() { Name = "利用停止にする" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync($"{member.Nickname} さんの利用停止");
        await Expect(page.Locator("#error-until")).ToContainTextAsync("2999-12-31");

        // Stored before the API refused it.
        await server.WithDbAsync(async db =>
        {
            (await db.Members.FindAsync(id))!.Suspend(LastSecond, "以前の停止", DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var roles = await page.GotoAsync("/staff/roles?nickname=" + Uri.EscapeDataString(member.Nickname));
        Assert.Equal(200, roles!.Status);
        await Expect(page.Locator(".member-roles .warning")).ToContainTextAsync("利用停止中（12月31日");
    }

    [Fact]
    public async Task The_insights_page_asked_for_december_9999_shows_the_apis_answer()
    {
        var admin = await browser.Server.CreateOfficialAsync();
        var page = await SignedInAsync(admin);
        var response = await page.GotoAsync("/insights?from=2026-01&to=9999-12");
        Assert.Equal(200, response!.Status);
        await Expect(page.Locator(".problem")).ToContainTextAsync("2999-12-31");
    }
}
