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

    [Fact]
    public void At_half_past_eleven_utc_in_summer_it_is_already_tomorrow_in_rome()
    {
        string[] times = ["2026-07-01T12:00Z", "2026-07-01T23:30Z"];
        Assert.Equal(new StreakView("day", 2, 2), Streak(Rome, "2026-07-02T12:00Z", times));
        Assert.Equal(new StreakView("day", 1, 1), Streak(Basic, "2026-07-01T23:45Z", times));
    }

    [Fact]
    public void A_winter_evening_in_utc_is_past_midnight_in_rome()
    {
        // Rome is UTC+1 in January: 23:30Z on the 10th is 00:30 on the 11th.
        Assert.Equal(2, Streak(Rome, "2026-01-11T12:00Z", "2026-01-10T12:00Z", "2026-01-10T23:30Z").Best);
        Assert.Equal(1, Streak(Rome, "2026-01-11T12:00Z", "2026-01-10T12:00Z", "2026-01-10T22:30Z").Best);
    }

    [Fact]
    public void Several_purchases_on_one_day_count_once()
    {
        Assert.Equal(new StreakView("day", 1, 1), Streak(Basic, "2026-05-01T20:00Z", "2026-05-01T08:00Z", "2026-05-01T12:00Z", "2026-05-01T19:00Z"));
    }

    [Fact]
    public void The_best_run_is_remembered_after_the_current_one_breaks()
    {
        Assert.Equal(new StreakView("day", 1, 3),
            Streak(Basic, "2026-05-10T12:00Z", "2026-05-01T10:00Z", "2026-05-02T10:00Z", "2026-05-03T10:00Z", "2026-05-10T10:00Z"));
    }

    [Fact]
    public void A_late_event_older_than_the_current_run_does_not_change_it()
    {
        Assert.Equal(new StreakView("day", 2, 2),
            Streak(Basic, "2026-05-10T12:00Z", "2026-05-09T10:00Z", "2026-05-10T10:00Z", "2026-04-01T10:00Z"));
    }

    [Fact]
    public void Late_events_merge_week_runs()
    {
        var weekly = Basic with { StreakUnit = StreakUnit.Week };
        // Weeks of 4, 18 and then 11 May 2026 (all Mondays).
        Assert.Equal(new StreakView("week", 3, 3), Streak(weekly, "2026-05-20T12:00Z", "2026-05-04T10:00Z", "2026-05-18T10:00Z", "2026-05-13T10:00Z"));
    }

    [Fact]
    public void A_weekly_streak_is_alive_during_the_following_week_only()
    {
        var weekly = Basic with { StreakUnit = StreakUnit.Week };
        string[] weeks = ["2026-05-04T10:00Z", "2026-05-11T10:00Z"]; // ISO weeks 19 and 20
        Assert.Equal(2, Streak(weekly, "2026-05-24T23:59Z", weeks).Current); // Sunday of week 21
        Assert.Equal(0, Streak(weekly, "2026-05-25T00:00Z", weeks).Current); // Monday of week 22
    }

    [Fact]
    public void Weeks_start_on_monday_in_the_program_time_zone()
    {
        var weekly = Rome with { StreakUnit = StreakUnit.Week };
        // Sunday 7 June 2026 22:30Z is Monday 00:30 in Rome: the next ISO week there, the same week in UTC.
        string[] times = ["2026-06-07T10:00Z", "2026-06-07T22:30Z"];
        Assert.Equal(2, Streak(weekly, "2026-06-08T12:00Z", times).Best);
        Assert.Equal(1, Streak(Basic with { StreakUnit = StreakUnit.Week }, "2026-06-08T12:00Z", times).Best);
    }

    [Fact]
    public void Week_numbers_follow_iso_weeks_day_by_day()
    {
        var day = new DateOnly(2019, 12, 23);
        var previous = ProgramCalendar.WeekNumber(day);
        var previousIso = (System.Globalization.ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), System.Globalization.ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)));
        for (var i = 1; i < 3_000; i++)
        {
            var next = day.AddDays(i);
            var iso = (System.Globalization.ISOWeek.GetYear(next.ToDateTime(TimeOnly.MinValue)), System.Globalization.ISOWeek.GetWeekOfYear(next.ToDateTime(TimeOnly.MinValue)));
            var number = ProgramCalendar.WeekNumber(next);
            Assert.Equal(iso == previousIso ? previous : previous + 1, number);
            (previous, previousIso) = (number, iso);
        }
    }
}
