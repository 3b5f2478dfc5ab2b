using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Loyalty.Live.Tests;

/// <summary>The web page at / in headless Debian Chromium: what a member sees changes within a second of the event.</summary>
public sealed class LivePageTests(LiveGateway gateway)
{
    public const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_page_shows_new_points_and_rank_within_one_second_of_the_events()
    {
        using var http = gateway.CreateClient();
        var program = await gateway.NewProgram(http);
        await Events.Purchase(http, program, "page-0", "leader", 500_000);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"], // the test command runs as root
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await page.GotoAsync(new Uri(gateway.BaseAddress, $"?program={program}&member=mia").ToString());
        await Assertions.Expect(page.Locator("#member-missing")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "leader" })).ToBeVisibleAsync(new() { Timeout = 10_000 });

        await Events.Purchase(http, program, "page-1", "mia", 12_345);
        var within = new LocatorAssertionsToHaveTextOptions { Timeout = 1_000 };
        await Assertions.Expect(page.GetByTestId("earned")).ToHaveTextAsync("123", within);
        await Assertions.Expect(page.GetByTestId("rank")).ToHaveTextAsync("#2", within);

        await Events.Purchase(http, program, "page-2", "mia", 600_000);
        await Assertions.Expect(page.GetByTestId("earned")).ToHaveTextAsync("6,123", within);
        await Assertions.Expect(page.GetByTestId("rank")).ToHaveTextAsync("#1", within);
        await Assertions.Expect(page.Locator("#board-rows tr").First).ToContainTextAsync("mia", new() { Timeout = 1_000 });
        await Assertions.Expect(page.Locator("#m-news li").First).ToHaveTextAsync("Reached gold", within);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("live-page.png"), FullPage = true });

        // Accessibility: axe-core (bundled with the package) finds no serious or critical violation on the live page.
        var axe = await page.RunAxe();
        TestContext.Current.TestOutputHelper?.WriteLine($"axe: {axe.Passes.Length} rules passed, {axe.Violations.Length} violated: "
            + string.Join(", ", axe.Violations.Select(v => $"{v.Id} ({v.Impact})")));
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("; ", serious));
    }
}
