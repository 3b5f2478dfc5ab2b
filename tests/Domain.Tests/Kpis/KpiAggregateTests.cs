using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests.Kpis;

public sealed class KpiAggregateTests
{
    private static readonly DateTimeOffset Now = At("2026-06-01T12:00Z");

    [Fact]
    public void Totals_by_tier_and_segment_are_sums_of_the_members_current_contributions()
    {
        var aggregate = new KpiAggregate();
        var ann = new MemberAccount("ann");
        var bob = new MemberAccount("bob");
        ann.Apply(Buy("a1", 20_000, "2026-05-01T10:00Z", "ann"), Basic, Now);
        bob.Apply(Buy("b1", 5_000, "2026-05-02T10:00Z", "bob"), Basic, Now);
        aggregate.Apply(ann.Kpis.Close(ann, Basic, Now)!, 400);
        aggregate.Apply(bob.Kpis.Close(bob, Basic, Now)!, 400);

        // Ann moves up a tier: her whole contribution leaves "member" for "silver".
        ann.Apply(Buy("a2", 90_000, "2026-05-03T10:00Z", "ann"), Basic, Now);
        aggregate.Apply(ann.Kpis.Close(ann, Basic, Now)!, 400);

        Assert.Equal(["member", "silver"], aggregate.Tiers.Counts.Keys.Order());
        Assert.Equal(5_000, aggregate.Tiers.Counts["member"][KpiCount.NetSpendMinor]);
        Assert.Equal((1L, 2L, 110_000L), (aggregate.Tiers.Counts["silver"][KpiCount.Members], aggregate.Tiers.Counts["silver"][KpiCount.Purchases], aggregate.Tiers.Counts["silver"][KpiCount.NetSpendMinor]));
        Assert.Equal(["f1m1", "f2m4"], aggregate.Segments.Counts.Keys.Order());
        var program = aggregate.Program();
        Assert.Equal((2L, 3L, 115_000L, 1_150L), (program[KpiCount.Members], program[KpiCount.Purchases], program[KpiCount.NetSpendMinor], program[KpiCount.PointsIssued]));
        Assert.Equal(3, aggregate.Daily.Values.Sum(d => d[KpiDailyCount.Purchases]));
        Assert.Equal(2, aggregate.Daily.Values.Sum(d => d[KpiDailyCount.NewMembers]));
    }

    [Fact]
    public void Active_members_are_those_whose_newest_event_is_within_the_days_asked()
    {
        var aggregate = new KpiAggregate();
        foreach (var (member, at) in new[] { ("a", "2026-05-31T10:00Z"), ("b", "2026-05-03T10:00Z"), ("c", "2026-05-02T10:00Z") })
        {
            var account = new MemberAccount(member);
            account.Apply(Buy($"{member}1", 1_000, at, member), Basic, Now);
            aggregate.Apply(account.Kpis.Close(account, Basic, Now)!, 400);
        }

        Assert.Equal(2, aggregate.ActiveMembers(new DateOnly(2026, 6, 1), 30));
        Assert.Equal(1, aggregate.ActiveMembers(new DateOnly(2026, 6, 1), 2));
    }

    [Fact]
    public void Days_are_kept_back_from_the_newest_day_and_the_totals_keep_everything()
    {
        var aggregate = new KpiAggregate();
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 1_000, "2026-01-01T10:00Z"), Basic, Now);
        aggregate.Apply(account.Kpis.Close(account, Basic, Now)!, 31);
        account.Apply(Buy("p2", 2_000, "2026-03-01T10:00Z"), Basic, Now);
        aggregate.Apply(account.Kpis.Close(account, Basic, Now)!, 31);
        account.Apply(Buy("p3", 4_000, "2025-12-01T10:00Z"), Basic, Now); // late, before anything kept
        aggregate.Apply(account.Kpis.Close(account, Basic, Now)!, 31);

        Assert.Equal([new DateOnly(2026, 3, 1)], aggregate.Daily.Keys);
        Assert.Equal(new DateOnly(2026, 1, 30), aggregate.KeptSince(31));
        Assert.Equal((3L, 7_000L), (aggregate.Program()[KpiCount.Purchases], aggregate.Program()[KpiCount.NetSpendMinor]));
    }

    [Fact]
    public void Slices_merged_answer_what_one_aggregate_would()
    {
        var whole = new KpiAggregate();
        var slices = new[] { new KpiAggregate(), new KpiAggregate() };
        for (var i = 0; i < 6; i++)
        {
            var account = new MemberAccount($"m{i}");
            account.Apply(Buy($"p{i}", 10_000 * (i + 1), $"2026-05-0{i + 1}T10:00Z", $"m{i}"), Basic, Now);
            var change = account.Kpis.Close(account, Basic, Now)!;
            whole.Apply(change, 400);
            slices[i % 2].Apply(change, 400);
        }

        var merged = new KpiAggregate();
        merged.Merge(slices[0]);
        merged.Merge(slices[1]);

        Assert.Equal(whole.Program().Values, merged.Program().Values);
        Assert.Equal(whole.Daily.Keys, merged.Daily.Keys);
        Assert.Equal(whole.Segments.Counts.Keys.Order(), merged.Segments.Counts.Keys.Order());
        Assert.Equal(whole.ActiveMembers(new DateOnly(2026, 6, 1), 30), merged.ActiveMembers(new DateOnly(2026, 6, 1), 30));
    }

    [Fact]
    public void A_member_without_events_changes_no_total_and_keeps_no_day()
    {
        var aggregate = new KpiAggregate();
        var account = new MemberAccount("m");
        account.SetBirthDate(new DateOnly(1990, 4, 20), Basic, Now);

        aggregate.Apply(account.Kpis.Close(account, Basic, Now)!, 400);

        Assert.Empty(aggregate.Tiers.Counts);
        Assert.Null(aggregate.NewestDay);
        Assert.Equal(DateOnly.MinValue, aggregate.KeptSince(400));
    }
}
