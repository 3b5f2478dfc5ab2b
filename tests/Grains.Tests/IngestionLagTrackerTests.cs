using Loyalty.Grains.Ingestion;
using Loyalty.Client.Ingestion;
using Microsoft.Extensions.Time.Testing;

namespace Loyalty.Grains.Tests;

public sealed class IngestionLagTrackerTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Published_events_are_pending_until_applied_and_the_oldest_sets_the_age()
    {
        var tracker = new IngestionLagTracker(time);
        var first = time.GetUtcNow();
        tracker.Publishing(300, first);
        time.Advance(TimeSpan.FromSeconds(2));
        var second = time.GetUtcNow();
        tracker.Publishing(200, second);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(new IngestionLag(500, TimeSpan.FromSeconds(3)), tracker.Current);

        tracker.Applied(300, first);
        Assert.Equal(new IngestionLag(200, TimeSpan.FromSeconds(1)), tracker.Current);

        tracker.Applied(200, second);
        Assert.Equal(IngestionLag.None, tracker.Current);
    }

    [Fact]
    public void A_withdrawn_publication_is_not_pending()
    {
        var tracker = new IngestionLagTracker(time);
        tracker.Publishing(40, time.GetUtcNow());
        tracker.Withdrawn(40, time.GetUtcNow());

        Assert.Equal(IngestionLag.None, tracker.Current);
    }

    [Fact]
    public void An_item_applied_twice_never_makes_the_lag_negative()
    {
        var tracker = new IngestionLagTracker(time);
        var at = time.GetUtcNow();
        tracker.Publishing(10, at);
        tracker.Applied(10, at);
        tracker.Applied(10, at);

        Assert.Equal(0, tracker.Current.Events);
    }

    [Fact]
    public async Task Counts_stay_exact_under_concurrent_publishers_and_consumers()
    {
        var tracker = new IngestionLagTracker(TimeProvider.System);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var at = DateTimeOffset.UtcNow;
                tracker.Publishing(3, at);
                _ = tracker.Current;
                tracker.Applied(i % 2 == 0 ? 3 : 2, at); // every other item leaves one event pending
            }
        })));

        Assert.Equal(8 * 10_000, tracker.Current.Events);
        Assert.True(tracker.Current.OldestAge < TimeSpan.FromMinutes(1));
    }
}
