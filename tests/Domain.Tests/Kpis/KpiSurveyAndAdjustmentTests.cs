using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests.Kpis;

public sealed class KpiSurveyAndAdjustmentTests
{
    private static readonly DateTimeOffset Now = At("2026-06-01T12:00Z");

    private static readonly ProgramConfig WithReviews = Basic with { EngagementRules = [new EngagementRule { Kind = "review", Points = 10 }] };

    [Fact]
    public void A_member_counts_by_its_newest_answer_per_survey_and_every_answer_counts_among_answers()
    {
        var account = new MemberAccount("m");
        account.Apply(new SurveyAnswer("n1", "m", At("2026-05-01T10:00Z"), SurveyKind.Nps, 3), Basic, Now);
        account.Apply(new SurveyAnswer("n2", "m", At("2026-05-02T10:00Z"), SurveyKind.Nps, 10), Basic, Now);
        account.Apply(new SurveyAnswer("c1", "m", At("2026-05-02T11:00Z"), SurveyKind.Csat, 4), Basic, Now);
        account.Apply(new SurveyAnswer("e1", "m", At("2026-05-02T12:00Z"), SurveyKind.Ces, 6), Basic, Now);

        var change = account.Kpis.Close(account, Basic, Now)!;

        var c = change.To.Counts;
        Assert.Equal((1L, 0L, 4L), (c[KpiCount.Members], c[KpiCount.Purchasers], c[KpiCount.SurveyAnswers]));
        Assert.Equal((1L, 1L, 0L), (c[KpiCount.NpsResponses], c[KpiCount.NpsPromoters], c[KpiCount.NpsDetractors]));
        Assert.Equal((1L, 1L, 4L), (c[KpiCount.CsatResponses], c[KpiCount.CsatSatisfied], c[KpiCount.CsatScoreTotal]));
        Assert.Equal((1L, 6L), (c[KpiCount.CesResponses], c[KpiCount.CesScoreTotal]));
        Assert.Equal(1, change.Days[new DateOnly(2026, 5, 1)][KpiDailyCount.SurveyAnswers]);
        Assert.Equal(3, change.Days[new DateOnly(2026, 5, 2)][KpiDailyCount.SurveyAnswers]);
    }

    [Fact]
    public void Adjustments_count_as_adjusted_on_their_day_and_engagement_points_as_issued()
    {
        var account = new MemberAccount("m");
        account.Apply(new Engagement("g1", "m", At("2026-05-03T10:00Z"), "review"), WithReviews, Now);
        account.Adjust("adj-1", 50, "late delivery", WithReviews, At("2026-05-04T10:00Z"));
        account.Adjust("adj-2", -20, "goodwill reversed", WithReviews, At("2026-05-05T10:00Z"));

        var change = account.Kpis.Close(account, WithReviews, Now)!;

        var c = change.To.Counts;
        Assert.Equal((10L, 30L, 40L, 1L), (c[KpiCount.PointsIssued], c[KpiCount.PointsAdjusted], c[KpiCount.PointsOutstanding], c[KpiCount.Engagements]));
        Assert.Equal(c[KpiCount.PointsIssued] + c[KpiCount.PointsAdjusted], c[KpiCount.PointsOutstanding]);
        Assert.Equal((1L, 10L), (change.Days[new DateOnly(2026, 5, 3)][KpiDailyCount.Engagements], change.Days[new DateOnly(2026, 5, 3)][KpiDailyCount.PointsIssued]));
        Assert.Equal(50, change.Days[new DateOnly(2026, 5, 4)][KpiDailyCount.PointsAdjusted]);
        Assert.Equal(-20, change.Days[new DateOnly(2026, 5, 5)][KpiDailyCount.PointsAdjusted]);
    }

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(1, 0, 1, 100)]
    [InlineData(0, 1, 1, -100)]
    [InlineData(2, 1, 6, 17)]     // 33.3 % − 16.7 % = 16.67
    [InlineData(1, 2, 8, -13)]    // 12.5 % − 25 % = −12.5, half away from zero
    public void The_net_promoter_score_is_promoters_less_detractors_in_whole_percent(long promoters, long detractors, long responses, int score) =>
        Assert.Equal(score, KpiRates.NetPromoterScore(promoters, detractors, responses));
}
