using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Salon.BrowserTests.Infrastructure;

public static class Checks
{
    /// <summary>axe-core on the page as it is now: no serious or critical violation. JavaScript on only
    /// (axe runs in the page; with JavaScript off it would hang).</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{page.Url}: " + string.Join("; ", bad.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))}")));
    }

    /// <summary>Saves a phone-size screenshot when SALON_SCREENSHOTS names a folder (scripts/screenshots.sh).</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SALON_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false });
        }
    }
}
