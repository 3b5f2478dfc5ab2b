using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class MemberAccountPeriodRetentionTests
{
    private static readonly ProgramConfig Config = Rome with { LeaderboardRetention = new BoardRetention { Days = 2, Weeks = 1, Months = 1 } };

    [Fact]
    public void Period_totals_past_their_retention_are_forgotten_and_late_events_count_only_where_kept()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 1_000, "2026-05-04T10:00Z"), Config, At("2026-05-04T10:00Z"));
        Assert.Contains("2026-05-04", account.Periods.Totals.Keys);

        // 7 May, 00:00 in Rome: the day of 4 May (ended 5 May 00:00) is two days past its end.
        account.ApplyDueWork(Config, At("2026-05-06T22:00Z"));
        Assert.DoesNotContain("2026-05-04", account.Periods.Totals.Keys);
        Assert.Contains("2026-W19", account.Periods.Totals.Keys);

        account.Apply(Buy("late", 500, "2026-05-03T10:00Z"), Config, At("2026-05-06T22:30Z"));
        Assert.DoesNotContain("2026-05-03", account.Periods.Totals.Keys);
        Assert.Equal(1_500, account.Periods.Totals["2026-05"].NetSpendMinor);
        Assert.Equal(1_500, account.Periods.Totals[PeriodKeys.All].NetSpendMinor);
        Assert.Equal(500, account.Periods.Totals["2026-W18"].NetSpendMinor); // Sunday 3 May closes week 18, kept until 11 May
    }
}
