using System.Globalization;
using System.Net;

namespace Loyalty.Gateway.Tests;

/// <summary>Day, ISO-week and month boards in the program's time zone; past periods kept for the configured retention.</summary>
public sealed class LeaderboardPeriodTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    private static readonly string RomeProgram = Programs.Configuration.Replace("\"UTC\"", "\"Europe/Rome\"", StringComparison.Ordinal);

    [Fact]
    public async Task Boards_reset_at_local_midnight_week_start_and_month_start()
    {
        var program = await Programs.Create(client, RomeProgram);
        await client.PostEvents(program,
            Api.Purchase("d1", "ada", 10_000, "2026-03-31T21:30:00Z"), // Tuesday 31 March, 23:30 in Rome
            Api.Purchase("d2", "bea", 20_000, "2026-03-31T22:30:00Z"), // Wednesday 1 April, 00:30 in Rome
            Api.Purchase("d3", "bea", 5_000, "2026-04-05T21:59:00Z"),  // Sunday 5 April, 23:59 in Rome
            Api.Purchase("d4", "cyd", 7_000, "2026-04-05T22:01:00Z")); // Monday 6 April, 00:01: ISO week 15

        Assert.Equal(["ada"], await Members(program, "spend", "2026-03-31", 1));
        Assert.Equal(["bea"], await Members(program, "spend", "2026-04-01", 1));
        Assert.Equal(["bea", "ada"], await Members(program, "spend", "2026-W14", 2));
        Assert.Equal(["cyd"], await Members(program, "spend", "2026-W15", 1));
        Assert.Equal(["ada"], await Members(program, "spend", "2026-03", 1));
        Assert.Equal(["bea", "cyd"], await Members(program, "spend", "2026-04", 2));
        Assert.Equal(["bea", "ada", "cyd"], await Members(program, "points", "all", 3));
    }

    [Fact]
    public async Task The_purchases_board_counts_purchases_and_returns_do_not_lower_it()
    {
        var program = await Programs.Create(client);
        await client.PostEvents(program,
            Api.Purchase("c1", "ivy", 1_000), Api.Purchase("c2", "ivy", 1_000), Api.Purchase("c3", "jon", 90_000),
            Api.Return("c4", "ivy", 1_000, "c1"));

        var board = await Polling.Eventually(() => client.ReadBoard(program, "purchases"), b => b.Count == 2 && b["ivy"] == 2);
        Assert.Equal(new Dictionary<string, long> { ["ivy"] = 2, ["jon"] = 1 }, board);
    }

    [Fact]
    public async Task A_period_past_its_retention_is_gone_and_a_recent_one_is_readable()
    {
        var shortRetention = Programs.Configuration.Replace(
            "\"leaderboardRetention\": { \"days\": 36600, \"weeks\": 5200, \"months\": 1200 }",
            "\"leaderboardRetention\": { \"days\": 2, \"weeks\": 1, \"months\": 1 }", StringComparison.Ordinal);
        var program = await Programs.Create(client, shortRetention);
        var today = TestClock.UtcNow;
        await client.PostEvents(program,
            Api.Purchase("t1", "kim", 1_000, today.ToString("O")),
            Api.Purchase("t2", "lou", 2_000, today.AddDays(-10).ToString("O"))); // its day is closed: counts for all time only

        var day = today.ToString("yyyy-MM-dd");
        Assert.Equal(["kim"], await Members(program, "spend", day, 1));
        Assert.Equal(["lou", "kim"], await Members(program, "spend", "all", 2));
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/leaderboards/spend?period={today.AddDays(-10):yyyy-MM-dd}",
            TestContext.Current.CancellationToken), HttpStatusCode.NotFound, null);
        var gone = await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/leaderboards/spend?period=2020-W10",
            TestContext.Current.CancellationToken), HttpStatusCode.NotFound, null);

        // The answer names what can be shown instead.
        var week = $"{ISOWeek.GetYear(today.UtcDateTime):0000}-W{ISOWeek.GetWeekOfYear(today.UtcDateTime):00}";
        Assert.Equal((day, week, today.ToString("yyyy-MM")), (
            gone["currentPeriods"]!["day"]!.GetValue<string>(), gone["currentPeriods"]!["week"]!.GetValue<string>(), gone["currentPeriods"]!["month"]!.GetValue<string>()));
        Assert.Equal(today.AddDays(-2).ToString("yyyy-MM-dd"), gone["oldestKeptPeriods"]!["day"]!.GetValue<string>());
        Assert.Equal(today.AddMonths(-1).ToString("yyyy-MM"), gone["oldestKeptPeriods"]!["month"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2026-W54")]
    [InlineData("2026-02-30")]
    [InlineData("2026-w10")]
    public async Task A_malformed_period_names_the_field(string period)
    {
        var program = await Programs.Create(client);
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/leaderboards/points?period={period}",
            TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, "period");
    }

    [Theory]
    [InlineData("leaderboards/points?period=9999-12-31")]
    [InlineData("leaderboards/points?period=9999-12")]
    [InlineData("leaderboards/points?period=9999-W52")]
    [InlineData("leaderboards/spend/members/ann?period=9999-12-31")]
    [InlineData("leaderboards/spend/members/ann?period=9999-W52")]
    [InlineData("leaderboards/points/live?period=9999-12")]
    [InlineData("members/ann/live?period=9999-W52")]
    public async Task A_period_at_the_end_of_the_calendar_is_refused_naming_the_field(string path)
    {
        var program = await Programs.Create(client);
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/{path}", TestContext.Current.CancellationToken),
            HttpStatusCode.BadRequest, "period");
    }

    private async Task<List<string>> Members(string program, string board, string period, int expected)
    {
        await Polling.Eventually(() => client.ReadBoard(program, board, period), b => b.Count == expected);
        var json = await client.GetJson($"/v1/programs/{program}/leaderboards/{board}?period={period}&top=10");
        return [.. json!["entries"]!.AsArray().Select(e => e!["memberId"]!.GetValue<string>())];
    }
}
