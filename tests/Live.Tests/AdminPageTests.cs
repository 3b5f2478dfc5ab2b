using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Loyalty.Live.Tests;

/// <summary>
/// The admin page at /admin in headless Debian Chromium, signed in by session cookie: configuration errors beside
/// their fields, an adjustment in the member's ledger, and the KPI charts drawn from the program's figures.
/// </summary>
public sealed class AdminPageTests(LiveGateway gateway)
{
    private static readonly CancellationToken Cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_configuration_error_is_shown_beside_its_field_and_nothing_is_saved_until_it_is_put_right()
    {
        using var http = gateway.CreateClient();
        var program = await gateway.NewProgram(http);
        await using var admin = await AdminPage.SignInAsAdmin(gateway, http, program);
        var page = admin.Page;
        const string silver = "[name='tiers[1].qualifyingSpendMinor']";
        await Assertions.Expect(page.Locator(silver)).ToHaveValueAsync("100000");

        await page.Locator(silver).FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save configuration" }).ClickAsync();

        // The message sits right after the field's label, and the field is marked invalid and described by it.
        var beside = page.Locator($"label:has({silver}) + .field-error");
        await Assertions.Expect(beside).ToHaveTextAsync("must be greater than the previous tier's", AdminPage.Soon);
        await Assertions.Expect(page.Locator(silver)).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await page.Locator(silver).GetAttributeAsync("aria-describedby");
        Assert.Equal(await beside.GetAttributeAsync("id"), describedBy);
        await Assertions.Expect(page.Locator(".field-error")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#config-status")).ToContainTextAsync("nothing was saved");
        Assert.Equal("\"1\"", (await http.GetAsync($"v1/programs/{program}", Cancel)).Headers.ETag?.Tag);

        await page.Locator(silver).FillAsync("150000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save configuration" }).ClickAsync();

        await Assertions.Expect(page.Locator("#config-status")).ToHaveTextAsync("Saved: version 2.", AdminPage.Soon);
        await Assertions.Expect(page.Locator(".field-error")).ToHaveCountAsync(0);
        var stored = await http.GetFromJsonAsync<JsonObject>($"v1/programs/{program}", Cancel);
        Assert.Equal(150_000, stored!["tiers"]![1]!["qualifyingSpendMinor"]!.GetValue<long>());
        Assert.Equal("Demo store", stored["name"]!.GetValue<string>()); // the rest of the document went back unchanged

        // A field the form does not show: its error is shown beside the JSON editor, naming its path.
        await page.GetByText("The whole document (JSON)").ClickAsync();
        var document = JsonNode.Parse(await page.Locator("#config-json").InputValueAsync())!;
        document["leaderboardRetention"]!["days"] = -1;
        await page.Locator("#config-json").FillAsync(document.ToJsonString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save configuration" }).ClickAsync();
        await Assertions.Expect(page.Locator("#config-json-errors .field-error"))
            .ToHaveTextAsync("leaderboardRetention.days: must be between 0 and 36600", AdminPage.Soon);
        Assert.Equal("\"2\"", (await http.GetAsync($"v1/programs/{program}", Cancel)).Headers.ETag?.Tag);

        // The key is kept nowhere the page's scripts reach; signing out ends the session on the server.
        var stores = await page.EvaluateAsync<string>("() => JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage), document.cookie])");
        Assert.DoesNotContain(admin.Key, stores, StringComparison.Ordinal);
        Assert.DoesNotContain("loyalty-session", stores, StringComparison.Ordinal); // HttpOnly
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Admin key, or the operator key")).ToBeVisibleAsync();
        Assert.Equal(401, await page.EvaluateAsync<int>("async () => (await fetch('/v1/session')).status"));
    }

    [Fact]
    public async Task An_adjustment_made_on_the_page_shows_in_the_members_ledger_and_a_refused_one_names_its_field()
    {
        using var http = gateway.CreateClient();
        var program = await gateway.NewProgram(http);
        await Events.Purchase(http, program, "adjust-0", "ann", 12_345);
        await Polling.Eventually(() => http.GetAsync($"v1/programs/{program}/members/ann", Cancel), r => r.IsSuccessStatusCode);
        await using var admin = await AdminPage.SignInAsAdmin(gateway, http, program);
        var page = admin.Page;

        await page.GetByLabel("Member id").FillAsync("ann");
        await page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("available")).ToHaveTextAsync("0", AdminPage.Soon); // purchase points are pending
        await Assertions.Expect(page.Locator("#ledger-rows tr")).ToHaveCountAsync(1);

        await page.GetByLabel("Points (negative to debit)").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply adjustment" }).ClickAsync();
        await Assertions.Expect(page.Locator("label:has([name=points]) + .field-error")).ToContainTextAsync("never 0", AdminPage.SoonContains);
        await Assertions.Expect(page.Locator("label:has([name=reason]) + .field-error")).ToContainTextAsync("is required");

        await page.GetByLabel("Points (negative to debit)").FillAsync("250");
        await page.GetByLabel("Reason").FillAsync("Goodwill after a late delivery");
        await page.GetByLabel("Reason").PressAsync("Enter");

        var newest = page.Locator("#ledger-rows tr").First;
        await Assertions.Expect(newest).ToContainTextAsync("Goodwill after a late delivery", AdminPage.SoonContains);
        await Assertions.Expect(newest).ToContainTextAsync("adjusted");
        await Assertions.Expect(newest.Locator("td.num")).ToHaveTextAsync("250");
        await Assertions.Expect(page.Locator("#ledger-rows tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("available")).ToHaveTextAsync("250");
        await Assertions.Expect(page.Locator("#adjust-status")).ToHaveTextAsync("Credited 250 points.");
        var member = await http.GetFromJsonAsync<JsonObject>($"v1/programs/{program}/members/ann", Cancel);
        Assert.Equal(250, member!["points"]!["adjusted"]!.GetValue<long>());
    }

    [Fact]
    public async Task Rewards_and_challenges_are_listed_and_edited_with_errors_beside_their_fields()
    {
        using var http = gateway.CreateClient();
        var program = await gateway.NewProgram(http);
        var march = """{"name":"March spend","start":"2026-03-01","end":"2026-04-01","goal":{"kind":"spend","target":10000},"reward":{"points":50}}""";
        (await http.PutAsync($"v1/programs/{program}/challenges/march", new StringContent(march, System.Text.Encoding.UTF8, "application/json"), Cancel)).EnsureSuccessStatusCode();
        await using var admin = await AdminPage.SignInAsAdmin(gateway, http, program);
        var page = admin.Page;
        var rewards = page.Locator("#reward-form");

        await rewards.GetByLabel("Reward id").FillAsync("mug");
        await rewards.GetByLabel("Name").FillAsync("Mug");
        await rewards.GetByLabel("Cost (points)").FillAsync("0");
        await rewards.GetByLabel("Stock").FillAsync("50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save reward" }).ClickAsync();
        await Assertions.Expect(rewards.Locator("label:has([name=costPoints]) + .field-error")).ToHaveTextAsync("must be between 1 and 1000000000", AdminPage.Soon);

        await rewards.GetByLabel("Cost (points)").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save reward" }).ClickAsync();
        var mug = page.Locator("#reward-rows tr").Filter(new() { HasText = "mug" });
        await Assertions.Expect(mug).ToContainTextAsync("50 of 50", AdminPage.SoonContains);

        await mug.GetByRole(AriaRole.Button, new() { Name = "Edit mug" }).ClickAsync();
        await Assertions.Expect(rewards.GetByLabel("Stock")).ToHaveValueAsync("50");
        await rewards.GetByLabel("Stock").FillAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save reward" }).ClickAsync();
        await Assertions.Expect(mug).ToContainTextAsync("60 of 60", AdminPage.SoonContains);
        var reward = await http.GetFromJsonAsync<JsonObject>($"v1/programs/{program}/rewards/mug", Cancel);
        Assert.Equal((60, 2), (reward!["stock"]!.GetValue<int>(), reward["version"]!.GetValue<int>()));

        var challenges = page.Locator("#challenge-form");
        var row = page.Locator("#challenge-rows tr").Filter(new() { HasText = "march" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Edit march" }).ClickAsync();
        await Assertions.Expect(challenges.GetByLabel("Target")).ToHaveValueAsync("10000");
        await challenges.GetByLabel("Target").FillAsync("-5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save challenge" }).ClickAsync();
        await Assertions.Expect(challenges.Locator("label:has([name='goal.target']) + .field-error")).ToBeVisibleAsync(new() { Timeout = 10_000 });

        await challenges.GetByLabel("Target").FillAsync("20000");
        await challenges.GetByLabel("Name").FillAsync("March big spend");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save challenge" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("spend 20,000", AdminPage.SoonContains);
        var challenge = await http.GetFromJsonAsync<JsonObject>($"v1/programs/{program}/challenges/march", Cancel);
        Assert.Equal("March big spend", challenge!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_kpi_charts_draw_the_daily_series_the_tiers_and_nps_by_tier()
    {
        using var http = gateway.CreateClient();
        var program = await gateway.NewProgram(http);
        await Events.Purchase(http, program, "kpi-0", "ann", 150_000); // silver
        await Events.Purchase(http, program, "kpi-1", "bob", 2_000);
        await Events.Purchase(http, program, "kpi-2", "cid", 3_000);
        await Events.Survey(http, program, "kpi-3", "ann", 10);
        await Events.Survey(http, program, "kpi-4", "bob", 9);
        await Events.Survey(http, program, "kpi-5", "cid", 2);
        (await http.PutAsJsonAsync($"v1/programs/{program}/rewards/mug", new { name = "Mug", costPoints = 100, stock = 50 }, Cancel)).EnsureSuccessStatusCode();
        await Polling.Eventually(() => http.GetFromJsonAsync<JsonObject>($"v1/programs/{program}/kpis", Cancel),
            k => k!["purchases"]!.GetValue<long>() == 3 && k["surveys"]!["nps"]!["responses"]!.GetValue<long>() == 3);
        await using var admin = await AdminPage.SignInAsOperator(gateway, program);
        var page = admin.Page;
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("Signed in as operator");

        await page.Locator("#kpis").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(page.Locator("#kpi-status")).ToContainTextAsync("As of", AdminPage.SoonContains);

        // Each chart holds the program's figures and has drawn them: its canvas has painted pixels.
        var charts = JsonNode.Parse(await page.EvaluateAsync<string>("""
            () => JSON.stringify(Object.fromEntries(["daily", "tiers", "nps"].map(name => {
              const canvas = document.getElementById(`chart-${name}`);
              const chart = Chart.getChart(canvas);
              const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
              let painted = 0;
              for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
              return [name, { labels: chart.data.labels, data: chart.data.datasets.map(d => d.data), painted }];
            })))
            """))!;
        var daily = charts["daily"]!;
        Assert.Equal(3, daily["data"]![0]!.AsArray().Sum(v => v!.GetValue<long>())); // purchases over the days shown
        Assert.Equal(3, daily["data"]![1]!.AsArray().Sum(v => v!.GetValue<long>())); // new members
        Assert.Equal(["member", "silver", "gold"], charts["tiers"]!["labels"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal([2L, 1L, 0L], charts["tiers"]!["data"]![0]!.AsArray().Select(v => v!.GetValue<long>()));
        Assert.Equal(["member", "silver"], charts["nps"]!["labels"]!.AsArray().Select(v => v!.GetValue<string>()).Order());
        var npsByTier = charts["nps"]!["labels"]!.AsArray().Zip(charts["nps"]!["data"]![0]!.AsArray())
            .ToDictionary(p => p.First!.GetValue<string>(), p => p.Second!.GetValue<long>());
        Assert.Equal((0L, 100L), (npsByTier["member"], npsByTier["silver"])); // bob promotes, cid detracts; ann promotes
        foreach (var name in new[] { "daily", "tiers", "nps" })
        {
            Assert.True(charts[name]!["painted"]!.GetValue<int>() > 1_000, $"the {name} chart painted its canvas");
        }

        await Assertions.Expect(page.Locator("#chart-tiers")).ToHaveAttributeAsync("aria-label", "Members per tier: member 2, silver 1, gold 0.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("admin-page.png"), FullPage = true });

        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("; ", serious));
    }
}
