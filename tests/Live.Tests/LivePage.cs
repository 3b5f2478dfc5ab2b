using Microsoft.Playwright;

namespace Loyalty.Live.Tests;

/// <summary>The live page open in headless Debian Chromium at a phone's size; disposing closes the browser.</summary>
public sealed class LivePage : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private LivePage(IPlaywright playwright, IBrowser browser, IPage page) => (this.playwright, this.browser, Page) = (playwright, browser, page);

    public IPage Page { get; }

    /// <summary>Headless Debian Chromium, the browser every page test drives.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchChromium()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"], // the test command runs as root
        });
        return (playwright, browser);
    }

    public static async Task<LivePage> Open(Uri url)
    {
        var (playwright, browser) = await LaunchChromium();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await page.GotoAsync(url.ToString());
        return new LivePage(playwright, browser, page);
    }

    /// <summary>The board's row of a member.</summary>
    public ILocator BoardRow(string memberId) => Page.Locator("#board-rows").GetByRole(AriaRole.Row).Filter(new() { HasText = memberId });

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
