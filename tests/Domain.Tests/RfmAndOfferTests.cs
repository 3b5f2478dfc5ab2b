using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class RfmAndOfferTests
{
    [Fact]
    public void Rfm_scores_step_at_the_thresholds_and_roll_off_after_twelve_months()
    {
        var account = new MemberAccount("m");
        Assert.Null(account.Rfm.Scores(Basic, account.Tier, At("2026-01-01T00:00Z")));

        // Four purchases of 150.00 in January 2026 and one return of 60.00.
        for (var i = 1; i <= 4; i++)
        {
            account.Apply(Buy($"p{i}", 15_000, $"2026-01-0{i}T10:00Z"), Basic, At("2026-01-05T00:00Z"));
        }

        account.Apply(Refund("r1", 6_000, "2026-01-05T10:00Z"), Basic, At("2026-01-05T00:00Z"));

        // Days since 4 January: 30 → 5, 31 → 4; 4 purchases → 3; 540.00 net → 3 (≥ 500.00, < 1,000.00).
        Assert.Equal(new RfmScores(5, 3, 3), account.Rfm.Scores(Basic, account.Tier, At("2026-02-03T12:00Z")));
        Assert.Equal(new RfmScores(4, 3, 3), account.Rfm.Scores(Basic, account.Tier, At("2026-02-04T12:00Z")));
        Assert.Equal(new RfmScores(2, 3, 3), account.Rfm.Scores(Basic, account.Tier, At("2026-12-31T12:00Z")));
        // January 2026 leaves the window with January 2027.
        Assert.Equal(new RfmScores(1, 1, 1), account.Rfm.Scores(Basic, account.Tier, At("2027-01-05T12:00Z")));
        Assert.Equal(new RfmScores(2, 3, 3), account.View(Basic, At("2026-12-31T12:00Z")).Rfm);
    }

    private static readonly ProgramConfig WithOffers = Rome with
    {
        Offers =
        [
            new Offer
            {
                Id = "gold-week", Name = "Gold week", MultiplierPercent = 300, Start = "2026-03-28", End = "2026-03-30",
                Segment = new OfferSegment { Tiers = ["gold"] },
            },
            new Offer
            {
                Id = "regulars", Name = "Regulars", MultiplierPercent = 150, Start = "2026-03-01", End = "2026-04-01",
                Segment = new OfferSegment { Rfm = new RfmMinimums(MinFrequency: 2) },
            },
        ],
    };

    [Fact]
    public void An_offer_multiplies_the_base_for_members_in_its_segment_within_its_local_window_and_offers_stack()
    {
        var account = new MemberAccount("m");
        var now = At("2026-04-30T00:00Z");
        account.Apply(Buy("gold", 500_000, "2026-03-01T10:00Z"), WithOffers, now);  // gold from here; one purchase: frequency 1
        account.Apply(Buy("second", 10_000, "2026-03-02T10:00Z"), WithOffers, now); // frequency 1 before it: no offer
        Assert.Equal(100, Earned(account, "second"));

        // 29 March 00:30 in Rome (before the clocks change) is in the window; 30 March 00:30 (+02:00) is not.
        account.Apply(Buy("in", 10_000, "2026-03-28T23:30Z"), WithOffers, now);
        account.Apply(Buy("out", 10_000, "2026-03-29T22:30Z"), WithOffers, now);
        Assert.Equal(100 + 200 + 50, Earned(account, "in"));
        Assert.Equal(100 + 50, Earned(account, "out"));

        var applied = account.WholeLedger.Single(e => e.EventId == "in" && e.Kind == LedgerKind.Earned).Reason;
        Assert.Contains("offer gold-week 200", applied, StringComparison.Ordinal);
        Assert.Contains("offer regulars 50", applied, StringComparison.Ordinal);
    }

    [Fact]
    public void Offers_count_toward_the_caps()
    {
        var config = WithOffers with { MaxPointsPerEvent = 250 };
        var account = new MemberAccount("m");
        account.Apply(Buy("gold", 500_000, "2026-03-01T10:00Z"), config, At("2026-04-30T00:00Z"));
        account.Apply(Buy("in", 10_000, "2026-03-28T23:30Z"), config, At("2026-04-30T00:00Z"));
        Assert.Equal(250, Earned(account, "in"));
    }

    [Fact]
    public void Offer_definitions_are_validated_field_by_field()
    {
        var config = Basic with
        {
            Offers =
            [
                new Offer
                {
                    Id = "x", Name = "X", MultiplierPercent = 100, Start = "2026-03-30", End = "2026-03-01",
                    Segment = new OfferSegment { Tiers = ["platinum"], Rfm = new RfmMinimums(MinRecency: 6) },
                },
            ],
            Rfm = new RfmThresholds { RecencyDays = [30, 20, 180, 365] },
        };
        Assert.Equal(
            ["offers[0].end", "offers[0].multiplierPercent", "offers[0].segment.tiers[0]", "offers[0].segment.rfm.minRecency", "rfm.recencyDays"],
            ProgramConfigValidator.Validate(config).Select(e => e.Field));
    }

    private static long Earned(MemberAccount account, string eventId) =>
        account.WholeLedger.Where(e => e.EventId == eventId && e.Kind == LedgerKind.Earned).Sum(e => e.Points);
}
