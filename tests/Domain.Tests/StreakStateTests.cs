using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class StreakStateTests
{
    private static StreakView Streak(ProgramConfig config, string now, params string[] purchaseTimes)
    {
        var account = new MemberAccount("m");
        var i = 0;
        foreach (var at in purchaseTimes)
        {
            account.Apply(Buy($"p{i++}", 1_000, at), config, At(now));
        }

        return account.View(config, At(now)).Streak;
    }

    [Fact]
    public void Consecutive_days_make_a_streak_that_is_alive_today_or_yesterday()
    {
        string[] days = ["2026-05-01T10:00Z", "2026-05-02T10:00Z", "2026-05-03T10:00Z"];
        Assert.Equal(new StreakView("day", 3, 3), Streak(Basic, "2026-05-04T08:00Z", days));
        Assert.Equal(new StreakView("day", 0, 3), Streak(Basic, "2026-05-05T08:00Z", days));
    }

    [Fact]
    public void A_late_event_that_fills_a_gap_joins_the_runs()
    {
        Assert.Equal(new StreakView("day", 5, 5),
            Streak(Basic, "2026-05-05T12:00Z", "2026-05-01T10:00Z", "2026-05-02T10:00Z", "2026-05-04T10:00Z", "2026-05-05T10:00Z", "2026-05-03T10:00Z"));
    }

    [Fact]
    public void Days_are_counted_in_the_program_time_zone()
    {
        // 22:30Z on 1 July is 00:30 on 2 July in Rome: consecutive days there, the same day in UTC.
        string[] times = ["2026-07-01T09:00Z", "2026-07-01T22:30Z"];
        Assert.Equal(2, Streak(Rome, "2026-07-02T12:00Z", times).Best);
        Assert.Equal(1, Streak(Basic, "2026-07-02T12:00Z", times).Best);
    }

    [Fact]
    public void Days_across_a_daylight_saving_change_are_consecutive()
    {
        // Rome moves its clocks forward on 29 March 2026 and back on 25 October 2026.
        Assert.Equal(3, Streak(Rome, "2026-03-30T12:00Z", "2026-03-27T23:30Z", "2026-03-28T23:30Z", "2026-03-29T22:30Z").Best);
        Assert.Equal(3, Streak(Rome, "2026-10-26T12:00Z", "2026-10-24T21:30Z", "2026-10-24T22:30Z", "2026-10-25T23:30Z").Best);
    }

    [Fact]
    public void Iso_weeks_run_across_the_year_boundary()
    {
        var weekly = Basic with { StreakUnit = StreakUnit.Week };
        // ISO 2026-W53 (Mon 28 Dec 2026) is followed by 2027-W01 (Mon 4 Jan 2027).
        Assert.Equal(new StreakView("week", 3, 3),
            Streak(weekly, "2027-01-12T12:00Z", "2026-12-22T10:00Z", "2027-01-03T10:00Z", "2027-01-04T10:00Z"));
        Assert.Equal(1, Streak(weekly, "2027-01-12T12:00Z", "2027-01-03T10:00Z", "2026-12-28T10:00Z").Best);
    }
}
