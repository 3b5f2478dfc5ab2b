using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class NotificationTests
{
    private static readonly DateTimeOffset Now = At("2026-07-01T00:00Z");

    [Fact]
    public void Tier_up_and_badges_are_announced_in_order_with_their_event_times_but_joining_the_first_tier_is_not()
    {
        var config = Basic with { NewsHorizonDays = 60, Badges = [new BadgeDefinition { Id = "welcome", Name = "Welcome", Kind = BadgeKind.FirstPurchase }] };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 1_000, "2026-06-01T10:00Z"), config, Now);
        account.Apply(Buy("p2", 99_000, "2026-06-02T10:00Z"), config, Now);
        account.Apply(Buy("p2", 99_000, "2026-06-02T10:00Z"), config, Now); // a repeat announces nothing

        Assert.Equal(
            [(1L, NotificationKind.BadgeEarned, At("2026-06-01T10:00Z"), (string?)null, (string?)"welcome"),
             (2L, NotificationKind.TierUp, At("2026-06-02T10:00Z"), "silver", null)],
            account.News.Outbox.Select(n => (n.Sequence, n.Kind, n.OccurredAt, n.Tier, n.Badge)));
        Assert.Equal(account.News.Outbox, account.View(config, Now).Notifications);
    }

    [Fact]
    public void A_member_started_again_later_under_the_same_id_numbers_its_news_past_every_number_of_the_first()
    {
        var config = Basic with { NewsHorizonDays = 60, Badges = [new BadgeDefinition { Id = "welcome", Name = "Welcome", Kind = BadgeKind.FirstPurchase }] };
        var first = new MemberAccount("m");
        first.News.NumberFrom(Now);
        first.Apply(Buy("p1", 1_000, "2026-06-01T10:00Z"), config, Now);
        first.Apply(Buy("p2", 99_000, "2026-06-02T10:00Z"), config, Now);

        var again = new MemberAccount("m"); // erased, then a later event starts it anew
        again.News.NumberFrom(Now.AddMilliseconds(5));
        again.Apply(Buy("p3", 1_000, "2026-06-03T10:00Z"), config, Now);
        again.News.NumberFrom(Now.AddDays(1)); // numbering starts once only

        Assert.Equal([Now.ToUnixTimeMilliseconds() * 1_000 + 1, Now.ToUnixTimeMilliseconds() * 1_000 + 2], first.News.Outbox.Select(n => n.Sequence));
        Assert.Equal(Now.AddMilliseconds(5).ToUnixTimeMilliseconds() * 1_000 + 1, Assert.Single(again.News.Outbox).Sequence);
    }

    [Fact]
    public void Handed_notifications_leave_the_outbox_but_stay_among_the_recent_ones()
    {
        var config = Basic with
        {
            NewsHorizonDays = 60,
            Badges = [.. Enumerable.Range(1, 25).Select(i => new BadgeDefinition { Id = $"b{i}", Name = $"B{i}", Kind = BadgeKind.Purchases, Target = i })],
        };
        var account = new MemberAccount("m");
        for (var i = 1; i <= 25; i++)
        {
            account.Apply(Buy($"p{i}", 10, $"2026-06-{i:00}T10:00Z"), config, Now);
        }

        account.News.ClearOutboxThrough(20);
        Assert.Equal([21L, 22, 23, 24, 25], account.News.Outbox.Select(n => n.Sequence));
        Assert.Equal(Enumerable.Range(6, MemberNews.RecentKept).Select(i => (long)i), account.News.Recent.Select(n => n.Sequence));
    }

    [Fact]
    public void Points_expiring_soon_are_announced_once_for_each_first_expiry_date_when_it_comes_into_the_warning_window()
    {
        var config = Basic with { ExpiryMonths = 1, ReturnWindowDays = 0, ExpiryWarningDays = 7 };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-01-10T12:00Z"), config, At("2026-01-10T12:00Z"));
        var expiresAt = account.Points.AvailableLots.NextExpiry!.Value;
        Assert.Equal(expiresAt.AddDays(-7), account.News.NextExpiryNoticeAt(account.Points.AvailableLots.NextExpiry, config));

        account.ApplyDueWork(config, expiresAt.AddDays(-8));
        Assert.Empty(account.News.Outbox);

        account.ApplyDueWork(config, expiresAt.AddDays(-7));
        account.ApplyDueWork(config, expiresAt.AddDays(-3));
        var notice = Assert.Single(account.News.Outbox);
        Assert.Equal((NotificationKind.PointsExpiringSoon, 100L, expiresAt), (notice.Kind, notice.Points, notice.ExpiresAt));
        Assert.Null(account.News.NextExpiryNoticeAt(account.Points.AvailableLots.NextExpiry, config));
    }
}
