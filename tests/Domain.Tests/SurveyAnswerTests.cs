using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class SurveyAnswerTests
{
    private static readonly DateTimeOffset Now = At("2026-12-30T12:00Z");

    private static SurveyAnswer Answer(string id, SurveyKind kind, int score, string at) => new(id, "m", At(at), kind, score);

    [Fact]
    public void The_newest_answer_by_event_time_is_kept_per_kind_whatever_the_arrival_order()
    {
        var account = new MemberAccount("m");
        account.Apply(Answer("n2", SurveyKind.Nps, 9, "2026-05-02T10:00Z"), Basic, Now);
        account.Apply(Answer("n1", SurveyKind.Nps, 3, "2026-05-01T10:00Z"), Basic, Now);
        account.Apply(Answer("c1", SurveyKind.Csat, 4, "2026-04-01T10:00Z"), Basic, Now);

        var nps = account.Surveys.Latest(SurveyKind.Nps)!;
        Assert.Equal((9, At("2026-05-02T10:00Z"), 2L), (nps.Score, nps.AnsweredAt, nps.Responses));
        Assert.Equal(
            [new SurveyView(SurveyKind.Nps, 9, At("2026-05-02T10:00Z"), 2), new SurveyView(SurveyKind.Csat, 4, At("2026-04-01T10:00Z"), 1)],
            account.View(Basic, Now).Surveys);
        Assert.Null(account.Surveys.Latest(SurveyKind.Ces));
        Assert.Empty(account.WholeLedger);
    }

    [Theory]
    [InlineData(SurveyKind.Nps, -1)]
    [InlineData(SurveyKind.Nps, 11)]
    [InlineData(SurveyKind.Csat, 0)]
    [InlineData(SurveyKind.Csat, 6)]
    [InlineData(SurveyKind.Ces, 0)]
    [InlineData(SurveyKind.Ces, 8)]
    public void A_score_outside_its_kind_range_is_refused_naming_the_score(SurveyKind kind, int score)
    {
        var account = new MemberAccount("m");
        var refusal = Assert.Throws<EventNotApplicableException>(() => account.Apply(Answer("s", kind, score, "2026-05-01T10:00Z"), Basic, Now));

        Assert.Equal("score", refusal.Field);
        Assert.Empty(account.Surveys.ByKind);
    }

    [Theory]
    [InlineData(SurveyKind.Nps, 0)]
    [InlineData(SurveyKind.Nps, 10)]
    [InlineData(SurveyKind.Csat, 1)]
    [InlineData(SurveyKind.Csat, 5)]
    [InlineData(SurveyKind.Ces, 7)]
    public void Scores_at_the_edges_of_the_range_are_kept(SurveyKind kind, int score)
    {
        var account = new MemberAccount("m");
        account.Apply(Answer("s", kind, score, "2026-05-01T10:00Z"), Basic, Now);

        Assert.Equal(score, account.Surveys.Latest(kind)!.Score);
    }

    [Fact]
    public void The_answer_bonus_is_credited_once_per_kind_and_quarter_in_the_program_zone()
    {
        var config = Rome with { SurveyBonuses = [new SurveyBonus { Survey = SurveyKind.Nps, Points = 25, Per = SurveyBonusPeriod.Quarter }] };
        var account = new MemberAccount("m");
        account.Apply(Answer("a", SurveyKind.Nps, 8, "2026-09-30T21:59Z"), config, Now); // 23:59 in Rome: Q3
        account.Apply(Answer("b", SurveyKind.Nps, 9, "2026-09-30T22:00Z"), config, Now); // midnight in Rome: Q4
        account.Apply(Answer("c", SurveyKind.Nps, 10, "2026-12-31T10:00Z"), config, Now); // Q4 again
        account.Apply(Answer("d", SurveyKind.Csat, 5, "2026-12-31T10:00Z"), config, Now); // no bonus for csat
        account.Apply(Answer("e", SurveyKind.Nps, 7, "2026-08-01T10:00Z"), config, Now); // Q3 again, late

        Assert.Equal(50, account.Points.Available);
        Assert.All(account.WholeLedger, e => Assert.Equal((LedgerKind.Bonus, 25L), (e.Kind, e.Points)));
        Assert.Equal(["a", "b"], account.WholeLedger.Select(e => e.EventId));
    }

    [Theory]
    [InlineData(SurveyBonusPeriod.Month, "2026-02-14", "2026-02-01")]
    [InlineData(SurveyBonusPeriod.Quarter, "2026-06-30", "2026-04-01")]
    [InlineData(SurveyBonusPeriod.Quarter, "2026-10-01", "2026-10-01")]
    [InlineData(SurveyBonusPeriod.Year, "2026-12-31", "2026-01-01")]
    public void Bonus_periods_start_on_their_first_local_day(SurveyBonusPeriod per, string date, string start)
    {
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            MemberSurveys.PeriodStart(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), per));
    }

    [Fact]
    public void Bonus_periods_are_bounded_and_one_older_than_all_kept_earns_nothing()
    {
        var config = Basic with { SurveyBonuses = [new SurveyBonus { Survey = SurveyKind.Csat, Points = 1, Per = SurveyBonusPeriod.Month }] };
        var account = new MemberAccount("m");
        for (var month = 1; month <= MemberSurveys.KeptBonusPeriods + 3; month++)
        {
            account.Apply(Answer($"c{month}", SurveyKind.Csat, 3, $"{At("2020-01-15T00:00Z").AddMonths(month):O}"), config, Now);
        }

        Assert.Equal(MemberSurveys.KeptBonusPeriods, account.Surveys.BonusPeriods[SurveyKind.Csat].Count);
        var earned = account.Points.LifetimeEarned;
        account.Apply(Answer("old", SurveyKind.Csat, 3, "2020-01-15T00:00Z"), config, Now);
        Assert.Equal(earned, account.Points.LifetimeEarned);
    }
}
