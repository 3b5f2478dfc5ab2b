using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class PeriodKeysTests
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

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

    [Fact]
    public void An_event_counts_for_all_time_and_its_month()
    {
        Assert.Equal([PeriodKeys.All, "2026-05"], PeriodKeys.For(At("2026-05-10T10:00Z"), TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("all", true)]
    [InlineData("2026-05", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-5", false)]
    [InlineData("26-05", false)]
    [InlineData("week", false)]
    public void Only_real_periods_are_valid(string key, bool valid)
    {
        Assert.Equal(valid, PeriodKeys.IsValid(key));
    }
}
