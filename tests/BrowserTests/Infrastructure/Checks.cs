using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Salon.BrowserTests.Infrastructure;

public static class Checks
{
    /// <summary>axe-core on the page as it is now: no serious or critical violation. JavaScript on only
    /// (axe runs in the page; with JavaScript off it would hang).
    /// <para>In axe's one-pass ("legacy") mode: <c>RunAxe</c> runs axe in parts for cross-origin frames and finishes the
    /// run on a new blank page of its own (a new browser context, axe-core injected twice), 1.7–2.7 s a check on this
    /// machine, of which axe itself took 40–140 ms; one pass took 0.4 s. The pages have no frames, so the result is the
    /// same; about 80 checks made that a third of the browser suite's time.</para></summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
#pragma warning disable CS0618 // "Legacy Mode is being removed in the future": the package version is pinned; see above.
        var result = await page.RunAxeLegacy(options: new AxeRunOptions { ResultTypes = [ResultType.Violations] });
#pragma warning restore CS0618
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
