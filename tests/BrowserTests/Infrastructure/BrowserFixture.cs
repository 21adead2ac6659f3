using Microsoft.Playwright;

namespace Salon.BrowserTests.Infrastructure;

/// <summary>One server and one Chromium for a test collection; each test gets a fresh browser context
/// (no cookies shared) at phone size (390 × 844), in Japanese.</summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium package (.ci/run installs it); Playwright's own browser download cannot work here.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("SALON_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public WebServer Server { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Settings for this collection's server, before it starts.</summary>
    protected virtual void Configure(WebServer server)
    {
    }

    public async Task InitializeAsync()
    {
        Configure(Server);
        Server.Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    public async Task<IPage> NewPageAsync(bool javaScript = true, Uri? site = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 1,
            IsMobile = true,
            HasTouch = true,
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            JavaScriptEnabled = javaScript,
            BaseURL = (site ?? Server.BaseAddress).ToString(),
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
