using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class StreakFreezeTests
{
    private static readonly StreakFreezes EveryThree = new(EarnEvery: 3, MaxHeld: 2);

    private static StreakState Days(StreakFreezes? freezes, params int[] periods)
    {
        var streak = new StreakState();
        foreach (var period in periods)
        {
            streak.Add(period, freezes);
        }

        return streak;
    }

    [Fact]
    public void A_token_is_earned_at_every_multiple_of_the_run_and_no_more_than_the_cap_is_held()
    {
        Assert.Equal(0, Days(EveryThree, 1, 2).FreezeTokens);
        Assert.Equal(1, Days(EveryThree, 1, 2, 3).FreezeTokens);
        Assert.Equal(2, Days(EveryThree, [.. Enumerable.Range(1, 6)]).FreezeTokens);
        Assert.Equal(2, Days(EveryThree, [.. Enumerable.Range(1, 12)]).FreezeTokens);
        Assert.Equal(0, Days(null, [.. Enumerable.Range(1, 12)]).FreezeTokens);
    }

    [Fact]
    public void One_missed_period_is_bridged_by_a_token_but_two_break_the_run()
    {
        var bridged = Days(EveryThree, 1, 2, 3, 5, 6);
        Assert.Equal((5, 5, 0), (bridged.Best, bridged.Current(6), bridged.FreezeTokens));

        var broken = Days(EveryThree, 1, 2, 3, 6, 7);
        Assert.Equal((3, 2, 1), (broken.Best, broken.Current(7), broken.FreezeTokens));

        var noToken = Days(EveryThree, 1, 2, 4);
        Assert.Equal((2, 1), (noToken.Best, noToken.Current(4)));
    }

    [Fact]
    public void A_late_purchase_that_fills_the_gap_gives_the_token_back()
    {
        var streak = Days(EveryThree, 1, 2, 3, 5);
        Assert.Equal(0, streak.FreezeTokens);
        streak.Add(4, EveryThree);
        Assert.Equal((5, 1), (streak.Current(5), streak.FreezeTokens));
    }

    [Fact]
    public void A_run_stays_current_two_periods_on_while_a_token_is_held_to_bridge_the_missed_one()
    {
        var streak = Days(EveryThree, 1, 2, 3);
        Assert.Equal((3, 3, 0), (streak.Current(4), streak.Current(5), streak.Current(6)));
        Assert.Equal(0, Days(null, 1, 2, 3).Current(5));
    }

    [Fact]
    public void Any_arrival_order_gives_what_ascending_order_gives_and_what_a_plain_reference_says()
    {
        var random = new Random(20261124);
        for (var round = 0; round < 300; round++)
        {
            var freezes = new StreakFreezes(random.Next(1, 5), random.Next(1, 4));
            var periods = Enumerable.Range(0, 60).Where(_ => random.Next(100) < 65).ToList();
            var shuffled = periods.OrderBy(_ => random.Next()).ToArray();
            var streak = Days(freezes, shuffled);
            var (best, last, tokens) = Reference([.. periods.Order()], freezes);
            Assert.Equal((best, last, tokens), (streak.Best, streak.LastRun, streak.FreezeTokens));
        }
    }

    [Fact]
    public void Members_earn_and_spend_tokens_on_their_purchase_days_and_the_view_shows_them()
    {
        var config = Basic with { StreakFreezes = EveryThree };
        var account = new MemberAccount("m");
        string[] days = ["2026-05-01T10:00Z", "2026-05-02T10:00Z", "2026-05-03T10:00Z", "2026-05-05T10:00Z"];
        foreach (var (at, i) in days.Select((d, i) => (d, i)))
        {
            account.Apply(Buy($"p{i}", 1_000, at), config, At("2026-05-06T08:00Z"));
        }

        Assert.Equal(new StreakView("day", 4, 4, 0), account.View(config, At("2026-05-06T08:00Z")).Streak);
        Assert.Equal(["streakFreezes.earnEvery", "streakFreezes.maxHeld"],
            ProgramConfigValidator.Validate(config with { StreakFreezes = new StreakFreezes(0, 11) }).Select(e => e.Field));
    }

    /// <summary>The rule as written: walk the days in order, bridging a single missed day with a token when one is held.</summary>
    private static (int Best, int Last, int Tokens) Reference(List<int> periods, StreakFreezes freezes)
    {
        int best = 0, run = 0, tokens = 0, previous = int.MinValue;
        foreach (var period in periods)
        {
            var continues = period == previous + 1;
            var bridged = !continues && period == previous + 2 && tokens > 0;
            if (bridged)
            {
                tokens--;
            }

            run = continues || bridged ? run + 1 : 1;
            if (run % freezes.EarnEvery == 0 && tokens < freezes.MaxHeld)
            {
                tokens++;
            }

            best = Math.Max(best, run);
            previous = period;
        }

        return (best, run, tokens);
    }
}
