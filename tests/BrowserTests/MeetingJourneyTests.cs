using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Salon.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Salon.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class MeetingJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_member_waitlisted_for_a_full_meeting_is_promoted_when_the_accepted_member_withdraws_and_downloads_the_calendar(bool javaScript)
    {
        // An official creates an offline meeting for parents with one seat.
        var server = browser.Server;
        var official = await server.CreateOfficialAsync();
        var first = await server.RegisterAsync("あき");
        var second = await server.RegisterAsync("ふゆ");
        var title = "親の集い " + Guid.NewGuid().ToString("N")[..6];
        var startsAt = DateTime.UtcNow.Date.AddDays(10).AddHours(5); // 14:00 in Japan
        var created = await server.CallAsync(official, HttpMethod.Post, "/api/meetings", new
        {
            title,
            description = "同じ立場どうしで、ゆっくり話しましょう。",
            startsAt,
            endsAt = startsAt.AddHours(2),
            format = "offline",
            venue = "杉並区阿佐谷南1-2-3 地域センター 2階",
            area = "東京都杉並区",
            capacity = 1,
            eligibility = new[] { "parent" },
            feeNote = "参加費無料",
        }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        // The first member finds it among the offline meetings: area, who it is for, seats; no venue yet.
        var page = await browser.NewPageAsync(javaScript);
        await page.SignInAsync(first);
        await page.GetByRole(AriaRole.Link, new() { Name = "交流会", Exact = true }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("交流会");
        await page.GetByRole(AriaRole.Link, new() { Name = "対面", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("format=offline"));
        var card = page.Locator(".meeting-card", new() { HasText = title });
        await Expect(card).ToContainTextAsync("対面・東京都杉並区");
        await Expect(card).ToContainTextAsync("対象：親");
        await Expect(card).ToContainTextAsync("残り1席（定員1人）");
        await page.CheckAsync(javaScript, "meetings");
        await card.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync(title);
        await Expect(page.Locator(".venue")).ToHaveCountAsync(0);
        Assert.DoesNotContain("阿佐谷南", await page.ContentAsync(), StringComparison.Ordinal);
        await page.CheckAsync(javaScript);

        // Applies with a note: accepted, and now the venue and the calendar file are there.
        await page.GetByLabel("主催者に伝えたいこと（任意）").FillAsync("はじめて参加します。");
        await page.GetByRole(AriaRole.Button, new() { Name = "申し込む", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("申し込みました。参加が確定しました。");
        await Expect(page.Locator(".venue")).ToHaveTextAsync("杉並区阿佐谷南1-2-3 地域センター 2階");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "カレンダーに追加（.ics）" })).ToBeVisibleAsync();
        await page.CheckAsync(javaScript, "meeting-accepted");

        // The second member finds it full and joins the waitlist: first in line, no venue.
        var other = await browser.NewPageAsync(javaScript);
        await other.SignInAsync(second);
        await other.GotoAsync($"/meetings/{id}");
        await Expect(other.Locator(".seats")).ToHaveTextAsync("満席（キャンセル待ち0人）");
        await other.GetByRole(AriaRole.Button, new() { Name = "キャンセル待ちで申し込む" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Status)).ToHaveTextAsync("キャンセル待ちで申し込みました（キャンセル待ち1番目）。");
        await Expect(other.Locator(".my-status")).ToHaveTextAsync("キャンセル待ち1番目です。");
        await Expect(other.Locator(".venue")).ToHaveCountAsync(0);
        await Expect(other.GetByRole(AriaRole.Link, new() { Name = "カレンダーに追加（.ics）" })).ToHaveCountAsync(0);
        await other.CheckAsync(javaScript, "meeting-waitlisted");

        // The first member withdraws; the seat goes to the second.
        await page.GetByRole(AriaRole.Button, new() { Name = "参加を取り消す" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("申し込みを取り消しました。");
        await Expect(page.Locator(".venue")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "キャンセル待ちで申し込む" })).ToBeVisibleAsync();

        await other.ReloadAsync();
        await Expect(other.Locator(".my-status")).ToHaveTextAsync("参加が確定しています。");
        await Expect(other.Locator(".venue")).ToContainTextAsync("阿佐谷南");

        // The calendar file comes through the web client with the member's token.
        var download = await other.RunAndWaitForDownloadAsync(() =>
            other.GetByRole(AriaRole.Link, new() { Name = "カレンダーに追加（.ics）" }).ClickAsync());
        Assert.Equal($"salon-meeting-{id:N}.ics", download.SuggestedFilename);
        var ics = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:" + title, ics, StringComparison.Ordinal);

        // The promotion is in the second member's notices and leads to the meeting; the list shows the status.
        await other.GotoAsync("/notifications");
        await other.GetByRole(AriaRole.Link, new() { Name = $"席が空いたため、交流会「{title}」への参加が決まりました" }).ClickAsync();
        await Expect(other.Heading()).ToHaveTextAsync(title);
        await other.GotoAsync("/meetings");
        await Expect(other.Locator(".meeting-card", new() { HasText = title }).Locator(".badge")).ToHaveTextAsync("参加が確定");
    }

    [Fact]
    public async Task The_calendar_download_needs_a_session_and_an_accepted_application()
    {
        var server = browser.Server;
        var official = await server.CreateOfficialAsync();
        var member = await server.RegisterAsync("なつ");
        var startsAt = DateTime.UtcNow.Date.AddDays(12).AddHours(10);
        var created = await server.CallAsync(official, HttpMethod.Post, "/api/meetings", new
        {
            title = "オンライン交流会",
            description = "はじめての方も歓迎します。",
            startsAt,
            endsAt = startsAt.AddMinutes(90),
            format = "online",
            joinUrl = "https://meet.example.org/salon-room",
            capacity = 5,
        }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        // Not signed in: to the sign-in page, and back to the meeting after.
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/meetings/{id}/calendar.ics");
        await Expect(page).ToHaveURLAsync(server.Url($"/login?returnUrl=%2Fmeetings%2F{id}"));

        // Signed in but not accepted: the API refuses, and the meeting page says so; no join URL shown.
        await page.SignInAsync(member);
        await page.GotoAsync($"/meetings/{id}/calendar.ics");
        await Expect(page).ToHaveURLAsync(server.Url($"/meetings/{id}?download=failed"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("カレンダーのファイルを取り出せませんでした");
        await Expect(page.Locator(".join-url")).ToHaveCountAsync(0);
    }
}
