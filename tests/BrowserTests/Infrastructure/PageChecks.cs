using Microsoft.Playwright;

namespace Salon.BrowserTests.Infrastructure;

public static class PageChecks
{
    /// <summary>With JavaScript on: axe (no serious or critical violation) and, when named, a screenshot.
    /// With JavaScript off: nothing (axe runs in the page).</summary>
    public static async Task CheckAsync(this IPage page, bool javaScript, string? screenshot = null)
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

    public static ILocator Heading(this IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
}
