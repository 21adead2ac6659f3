using Salon.BrowserTests.Infrastructure;
using Xunit.Sdk;

namespace Salon.BrowserTests;

/// <summary>The accessibility check every journey runs (<see cref="Checks.AssertAccessibleAsync"/>) finds what it is
/// there to find: a page it passes fails once an image without a text alternative and an unnamed button are added.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityCheckTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_accessibility_check_fails_a_page_with_a_serious_violation()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.AssertAccessibleAsync();

        await page.EvaluateAsync("() => { const main = document.querySelector('main'); main.insertAdjacentHTML('beforeend', '<img src=\"/favicon.png\"><button></button>'); }");
        var failure = await Assert.ThrowsAnyAsync<XunitException>(page.AssertAccessibleAsync);
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("button-name", failure.Message, StringComparison.Ordinal);
    }
}
