using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salon.BrowserTests.Infrastructure;
using Salon.Domain.Consultations;
using static Microsoft.Playwright.Assertions;

namespace Salon.BrowserTests;

/// <summary>A server of its own: its test writes thousands of posts, which the other journeys should not see.</summary>
public sealed class ManyPostsFixture : BrowserFixture
{
}

/// <summary>One search request reads a bounded number of posts (docs/adr/0037): when none of the newest it read match,
/// the search page says so and offers the older ones, with JavaScript or without.</summary>
public sealed class SearchOlderPostsTests(ManyPostsFixture browser) : IClassFixture<ManyPostsFixture>
{
    [Theory]
    [InlineData(true, "鮫", "鰐")]
    [InlineData(false, "鯨", "鯱")]
    public async Task A_search_with_nothing_among_the_newest_posts_it_read_offers_the_older_ones(bool javaScript, string first, string second)
    {
        var server = browser.Server;
        var member = await server.RegisterAsync("なぎ");
        var title = $"{first}{second}の話";
        var match = await server.PostTopicAsync(member, title, "ずっと前に書いた相談です。");

        // Newer posts that hold both characters, never next to each other: more than one request reads.
        await server.WithDbAsync(async db =>
        {
            var (boardId, authorId) = await db.Topics.Where(t => t.Id == match).Select(t => ValueTuple.Create(t.BoardId, t.AuthorId)).SingleAsync();
            var now = DateTime.UtcNow;
            db.Topics.AddRange(Enumerable.Range(1, 2_050).Select(i =>
                Topic.Create(boardId, authorId, "別の話", $"{second}のことと{first}のこと", [], false, repliesWelcome: true, contentWarning: null, now.AddSeconds(i))));
            return await db.SaveChangesAsync();
        });

        var page = await browser.NewPageAsync(javaScript);
        await page.SignInAsync(member);
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString(first + second));
        await Expect(page.Locator(".search-result")).ToHaveCountAsync(0);
        await Expect(page.GetByText("ここまでの新しい投稿には見つかりませんでした。もっと前の投稿もさがせます。")).ToBeVisibleAsync();
        await page.CheckAsync(javaScript, "search-older");

        await page.GetByRole(AriaRole.Link, new() { Name = "もっと見る" }).ClickAsync();
        await Expect(page.Locator(".search-result")).ToHaveCountAsync(1);
        await Expect(page.Locator(".search-result .title")).ToHaveTextAsync(title);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "もっと見る" })).ToHaveCountAsync(0);
    }
}
