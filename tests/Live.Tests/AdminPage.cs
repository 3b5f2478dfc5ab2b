using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Loyalty.Live.Tests;

/// <summary>The admin page open in headless Debian Chromium at a laptop's size, signed in; disposing closes the browser.</summary>
public sealed class AdminPage : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private AdminPage(IPlaywright playwright, IBrowser browser, IPage page, string key) =>
        (this.playwright, this.browser, Page, Key) = (playwright, browser, page, key);

    public IPage Page { get; }

    /// <summary>The key signed in with, which the page must keep nowhere.</summary>
    public string Key { get; }

    public static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 10_000 };

    public static readonly LocatorAssertionsToContainTextOptions SoonContains = new() { Timeout = 10_000 };

    /// <summary>Signs in with a new admin key of the program, as its owner would.</summary>
    public static async Task<AdminPage> SignInAsAdmin(LiveGateway gateway, HttpClient http, string programId)
    {
        var response = await http.PostAsJsonAsync($"v1/programs/{programId}/keys", new { name = "admin page", role = "admin" });
        response.EnsureSuccessStatusCode();
        var key = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["key"]!.GetValue<string>();
        return await SignIn(gateway, key, programId: null);
    }

    /// <summary>Signs in with the operator key, naming the program to manage.</summary>
    public static Task<AdminPage> SignInAsOperator(LiveGateway gateway, string programId) => SignIn(gateway, LiveGateway.OperatorKey, programId);

    private static async Task<AdminPage> SignIn(LiveGateway gateway, string key, string? programId)
    {
        var (playwright, browser) = await LivePage.LaunchChromium();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var admin = new AdminPage(playwright, browser, page, key);
        await page.GotoAsync(new Uri(gateway.BaseAddress, "admin").ToString());
        await page.GetByLabel("Admin key, or the operator key").FillAsync(key);
        if (programId is not null)
        {
            await page.GetByLabel("Program id (with the operator key)").FillAsync(programId);
        }

        await page.GetByLabel("Admin key, or the operator key").PressAsync("Enter"); // by keyboard, as anyone may
        await Assertions.Expect(page.Locator("#config-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Version \d+ loaded\.$"), Soon);
        return admin;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
