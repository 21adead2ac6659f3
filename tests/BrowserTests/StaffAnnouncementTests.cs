using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Salon.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Salon.BrowserTests;

/// <summary>A server whose clock the test moves (a scheduled お知らせ becomes due without waiting).</summary>
public sealed class MovableClockFixture : BrowserFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void Configure(WebServer server) => server.Clock = Clock;
}

public sealed class StaffAnnouncementTests(MovableClockFixture browser) : IClassFixture<MovableClockFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_official_previews_and_schedules_an_announcement_and_members_see_it_when_due(bool javaScript)
    {
        var server = browser.Server;
        var official = await server.CreateOfficialAsync();
        var member = await server.RegisterAsync("ゆき");
        var title = "年末年始のお休み " + Guid.NewGuid().ToString("N")[..6];
        var publishJst = browser.Clock.GetUtcNow().UtcDateTime.AddHours(9).AddMinutes(30);
        publishJst = publishJst.AddTicks(-(publishJst.Ticks % TimeSpan.TicksPerMinute));

        // The official writes, previews, and schedules it for half an hour from now (Japan time).
        var page = await browser.NewPageAsync(javaScript);
        await page.SignInAsync(official);
        await page.GotoAsync("/announcements");
        await page.GetByRole(AriaRole.Link, new() { Name = "お知らせの管理（運営）" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("お知らせの管理");
        await page.GetByRole(AriaRole.Link, new() { Name = "お知らせを書く" }).ClickAsync();
        await page.GetByLabel("タイトル").FillAsync(title);
        await page.GetByLabel("本文").FillAsync("12月29日から1月3日まで、事務局はお休みです。");
        await page.GetByLabel("一覧の上に固定する").CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "日時を予約する" }).CheckAsync();
        await page.GetByLabel("公開する日時（日本時間）").FillAsync(publishJst.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "プレビュー" }).ClickAsync();
        var preview = page.Locator(".preview");
        await Expect(preview).ToContainTextAsync(title);
        await Expect(preview).ToContainTextAsync("事務局はお休みです");
        await Expect(preview).ToContainTextAsync($"{publishJst:yyyy年M月d日}");
        await Expect(preview).ToContainTextAsync("に公開予定");
        await page.CheckAsync(javaScript, "staff-announcement-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "予約する" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("お知らせを予約しました");
        var scheduled = page.Locator(".managed-announcement[data-status=scheduled]", new() { HasText = title });
        await Expect(scheduled).ToContainTextAsync($"{publishJst:yyyy年M月d日}");
        await Expect(scheduled).ToContainTextAsync($"{publishJst:H:mm} に公開");
        await page.CheckAsync(javaScript);

        // Not yet for members.
        var reader = await browser.NewPageAsync(javaScript);
        await reader.SignInAsync(member);
        await reader.GotoAsync("/announcements");
        await Expect(reader.GetByText(title)).ToHaveCountAsync(0);

        // When it is due, members see it, pinned.
        browser.Clock.Advance(TimeSpan.FromMinutes(31));
        await reader.GotoAsync("/announcements");
        var card = reader.Locator(".announcement-card", new() { HasText = title });
        await Expect(card).ToContainTextAsync("固定");

        // The official edits it (now published: its time is fixed), then deletes it.
        await page.GotoAsync("/announcements/manage");
        await page.Locator(".managed-announcement[data-status=published]", new() { HasText = title }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("お知らせを編集する");
        await page.GetByLabel("本文").FillAsync("12月29日から1月4日まで、事務局はお休みです。");
        await page.GetByRole(AriaRole.Button, new() { Name = "変更を保存する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("変更を保存しました。");
        await page.Locator(".managed-announcement", new() { HasText = title }).GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "このお知らせを削除する…" }).ClickAsync();
        await page.CheckAsync(javaScript);
        await page.GetByRole(AriaRole.Button, new() { Name = "削除を確定する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("お知らせを削除しました。");
        await reader.GotoAsync("/announcements");
        await Expect(reader.GetByText(title)).ToHaveCountAsync(0);
    }
}
