using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class PeriodKeysTests
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
    private static readonly BoardRetention Retention = new() { Days = 2, Weeks = 1, Months = 3 };

    [Theory]
    [InlineData("2011-01-31T23:30:00Z", "2011-02")]
    [InlineData("2011-01-31T22:59:59Z", "2011-01")]
    [InlineData("2026-03-31T21:59:59Z", "2026-03")] // 23:59:59 CEST
    [InlineData("2026-03-31T22:00:00Z", "2026-04")]
    [InlineData("2026-12-31T23:00:00Z", "2027-01")]
    public void Months_are_local_to_the_program(string at, string month)
    {
        Assert.Equal(month, PeriodKeys.Month(At(at), Rome));
    }

    [Theory]
    [InlineData("2026-05-10T21:59:59Z", "2026-05-10")] // 23:59:59 CEST
    [InlineData("2026-05-10T22:00:00Z", "2026-05-11")] // midnight in Rome
    [InlineData("2026-03-28T22:59:59Z", "2026-03-28")] // the night clocks go forward: 23:59:59 CET
    [InlineData("2026-03-28T23:00:00Z", "2026-03-29")]
    [InlineData("2026-03-29T00:59:59Z", "2026-03-29")] // 01:59:59 CET, the last second before the jump
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29")] // 03:00 CEST
    [InlineData("2026-03-29T21:59:59Z", "2026-03-29")] // a 23-hour day ends at 23:59:59 CEST
    [InlineData("2026-03-29T22:00:00Z", "2026-03-30")]
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25")] // 02:30 CEST, the first time
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25")] // 02:30 CET, the second time
    [InlineData("2026-10-25T22:59:59Z", "2026-10-25")] // a 25-hour day ends at 23:59:59 CET
    [InlineData("2026-10-25T23:00:00Z", "2026-10-26")]
    public void Days_turn_at_local_midnight_on_both_DST_changes(string at, string day)
    {
        Assert.Equal(day, PeriodKeys.Day(At(at), Rome));
    }

    [Theory]
    [InlineData("2026-03-29T21:59:59Z", "2026-W13")] // Sunday 23:59:59 CEST, the day clocks went forward
    [InlineData("2026-03-29T22:00:00Z", "2026-W14")] // Monday 00:00 CEST
    [InlineData("2026-10-25T22:59:59Z", "2026-W43")] // Sunday 23:59:59 CET, the day clocks went back
    [InlineData("2026-10-25T23:00:00Z", "2026-W44")]
    [InlineData("2026-12-31T12:00:00Z", "2026-W53")] // 2026 has 53 ISO weeks
    [InlineData("2027-01-03T12:00:00Z", "2026-W53")] // ...the last ends on Sunday 3 January 2027
    [InlineData("2027-01-03T23:00:00Z", "2027-W01")]
    [InlineData("2024-12-30T12:00:00Z", "2025-W01")] // a Monday in December already in the next ISO year
    public void Weeks_are_ISO_weeks_local_to_the_program(string at, string week)
    {
        Assert.Equal(week, PeriodKeys.Week(At(at), Rome));
    }

    [Fact]
    public void An_event_counts_for_all_time_its_day_its_week_and_its_month()
    {
        Assert.Equal([PeriodKeys.All, "2026-05-10", "2026-W19", "2026-05"], PeriodKeys.For(At("2026-05-10T10:00Z"), TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("all", true)]
    [InlineData("2026-05", true)]
    [InlineData("2026-05-31", true)]
    [InlineData("2026-W01", true)]
    [InlineData("2026-W53", true)]
    [InlineData("2025-W53", false)] // 2025 has 52 ISO weeks
    [InlineData("2026-W00", false)]
    [InlineData("2026-W1", false)]
    [InlineData("2026-02-30", false)]
    [InlineData("2026-13", false)]
    [InlineData("2026-5", false)]
    [InlineData("26-05", false)]
    [InlineData("week", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("9999-12", false)]
    [InlineData("9999-W52", false)]
    [InlineData("9001-01-01", false)]
    public void Only_real_periods_are_valid(string key, bool valid)
    {
        Assert.Equal(valid, PeriodKeys.IsValid(key));
    }

    [Theory]
    [InlineData("9000-12-31")]
    [InlineData("9000-12")]
    [InlineData("9000-W52")]
    public void The_last_valid_periods_are_kept_for_the_longest_retention_without_leaving_the_calendar(string key)
    {
        var longest = new BoardRetention { Days = 36_600, Weeks = 5_200, Months = 1_200 };
        Assert.True(PeriodKeys.KeptUntil(key, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati"), longest) > At("9000-12-31T00:00Z"));
    }

    [Theory]
    [InlineData("2026-03-28", "2026-03-30T22:00:00Z")] // a day is kept 2 days after it ends: until 31 March 00:00 CEST
    [InlineData("2026-W13", "2026-04-05T22:00:00Z")] // a week, one week after Monday 30 March
    [InlineData("2026-09", "2026-12-31T23:00:00Z")] // a month, 3 months after 1 October: 1 January 00:00 CET
    public void Past_periods_are_kept_for_their_retention_from_the_local_end(string period, string until)
    {
        Assert.Equal(At(until), PeriodKeys.KeptUntil(period, Rome, Retention));
        Assert.True(PeriodKeys.IsKept(period, Rome, Retention, At(until).AddTicks(-1)));
        Assert.False(PeriodKeys.IsKept(period, Rome, Retention, At(until)));
    }

    [Theory]
    [InlineData("2026-03-30T21:59:59Z")] // the last second of Monday 30 March in Rome
    [InlineData("2026-03-30T22:00:00Z")] // Tuesday begins
    [InlineData("2026-12-31T22:59:59Z")]
    [InlineData("2026-12-31T23:00:00Z")] // a new year, month and day in Rome
    [InlineData("2027-01-03T23:00:00Z")] // Monday: a new ISO week
    public void The_oldest_kept_period_of_each_kind_is_kept_and_the_one_before_it_is_not(string now)
    {
        foreach (var kind in new[] { PeriodKind.Day, PeriodKind.Week, PeriodKind.Month })
        {
            var oldest = PeriodKeys.OldestKept(kind, At(now), Rome, Retention);
            Assert.True(PeriodKeys.TryParse(oldest, out var period) && period.Kind == kind, oldest);
            var before = period.Kind switch
            {
                PeriodKind.Day => ProgramCalendar.DayKey(period.First.AddDays(-1)),
                PeriodKind.Week => PeriodKeys.WeekKey(period.First.AddDays(-7)),
                _ => ProgramCalendar.MonthKey(period.First.AddMonths(-1)),
            };
            Assert.True(PeriodKeys.IsKept(oldest, Rome, Retention, At(now)), $"{oldest} at {now}");
            Assert.False(PeriodKeys.IsKept(before, Rome, Retention, At(now)), $"{before} at {now}");
        }

        Assert.Equal(("2027-01-04", "2027-W01", "2027-01"), (
            PeriodKeys.Current(PeriodKind.Day, At("2027-01-03T23:00:00Z"), Rome),
            PeriodKeys.Current(PeriodKind.Week, At("2027-01-03T23:00:00Z"), Rome),
            PeriodKeys.Current(PeriodKind.Month, At("2027-01-03T23:00:00Z"), Rome)));
    }

    [Fact]
    public void All_time_is_kept_for_ever()
    {
        Assert.Null(PeriodKeys.KeptUntil(PeriodKeys.All, Rome, Retention));
        Assert.True(PeriodKeys.IsKept(PeriodKeys.All, Rome, Retention, DateTimeOffset.MaxValue));
    }

    [Theory]
    [InlineData("2028-02-29", true)]
    [InlineData("2027-02-29", false)]
    [InlineData("2026-12-31", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-00", false)]
    [InlineData("2026-1", false)]
    [InlineData("2026-01-1", false)]
    [InlineData("2026-01-001", false)]
    [InlineData("2026/01/01", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("9000-12-31", true)]
    [InlineData("9001-01", false)]
    [InlineData("2026-W53", true)]
    [InlineData("2027-W53", false)]
    [InlineData("2026-W00", false)]
    [InlineData("2026-w01", false)]
    [InlineData("+026-01-01", false)]
    [InlineData("2026-01-٠١", false)]
    [InlineData("all", false)]
    public void A_period_key_parses_only_in_its_exact_form(string key, bool valid)
    {
        Assert.Equal(valid, PeriodKeys.TryParse(key, out _));
    }

    [Fact]
    public void Every_day_and_month_key_parses_back_to_its_dates()
    {
        for (var day = new DateOnly(2024, 1, 1); day < new DateOnly(2029, 1, 1); day = day.AddDays(1))
        {
            Assert.True(PeriodKeys.TryParse(ProgramCalendar.DayKey(day), out var daily));
            Assert.Equal(new LocalPeriod(PeriodKind.Day, day, day.AddDays(1)), daily);
            Assert.True(PeriodKeys.TryParse(ProgramCalendar.MonthKey(day), out var monthly));
            Assert.Equal(new DateOnly(day.Year, day.Month, 1), monthly.First);
            Assert.Equal(monthly.First.AddMonths(1), monthly.End);
        }
    }
}
