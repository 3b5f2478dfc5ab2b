using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Loyalty.Live.Tests;

/// <summary>The web page at / in headless Debian Chromium: what a member sees changes within a second of the event, and a period not kept is explained.</summary>
public sealed class LivePageTests(LiveGateway gateway)
{
    [Fact]
    public async Task The_page_shows_new_points_and_rank_within_one_second_of_the_events()
    {
        using var http = gateway.CreateClient();
        var program = await gateway.NewProgram(http);
        await Events.Purchase(http, program, "page-0", "leader", 500_000);

        // As an app shows it to its member: with a member token, which reads only that member and the boards.
        var token = await gateway.PageCredential(http, program, "mia");
        await using var live = await LivePage.Open(new Uri(gateway.BaseAddress, $"?program={program}&member=mia{token}"));
        var page = live.Page;
        await Assertions.Expect(page.Locator("#member-missing")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(live.BoardRow("leader")).ToBeVisibleAsync(new() { Timeout = 10_000 });

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

    [Fact]
    public async Task A_period_no_longer_kept_is_said_to_be_so_and_a_kept_period_it_offers_shows_its_board()
    {
        using var http = gateway.CreateClient();
        var program = await gateway.NewProgram(http); // keeps 13 weeks
        await Events.Purchase(http, program, "kept-0", "leader", 500_000);
        var key = await gateway.PageCredential(http, program, memberId: null);
        await using var live = await LivePage.Open(new Uri(gateway.BaseAddress, $"?program={program}{key}"));
        var page = live.Page;
        var soon = new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 };
        await Assertions.Expect(live.BoardRow("leader")).ToBeVisibleAsync(soon);

        await page.SelectOptionAsync("#period-kind", "week");
        await page.FillAsync("#period-value", "2020-W01");
        await page.PressAsync("#period-value", "Enter");
        var notice = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(notice).ToContainTextAsync("ISO week 2020-W01 is not kept", new() { Timeout = 10_000 });
        await Assertions.Expect(notice).ToContainTextAsync("keeps weeks back to");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Period not kept");
        await Assertions.Expect(live.BoardRow("leader")).ToBeHiddenAsync(); // not the previous board under this label
        await Assertions.Expect(notice.GetByRole(AriaRole.Button, new() { Name = "All time" })).ToBeVisibleAsync();

        var thisWeek = ISOWeek.GetYear(DateTime.UtcNow) + "-W" + ISOWeek.GetWeekOfYear(DateTime.UtcNow).ToString("00", CultureInfo.InvariantCulture);
        await notice.GetByRole(AriaRole.Button, new() { Name = $"This week ({thisWeek})" }).ClickAsync();
        await Assertions.Expect(notice).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#period-value")).ToHaveValueAsync(thisWeek);
        await Assertions.Expect(live.BoardRow("leader")).ToBeVisibleAsync(soon);
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Live");
    }
}
