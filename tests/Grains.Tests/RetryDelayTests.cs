using Loyalty.Grains.Notifications;
using Loyalty.Silo.Streams;

namespace Loyalty.Grains.Tests;

/// <summary>The waits of retry loops Polly does not run: the webhook outbox's durable schedule and the stream agents'.</summary>
public sealed class RetryDelayTests
{
    [Fact]
    public void A_failing_webhook_rests_from_the_initial_backoff_doubling_up_to_the_maximum()
    {
        var options = new NotificationOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(5) };

        Assert.Equal([1d, 2, 4, 5, 5], Enumerable.Range(1, 5).Select(failures => options.RetryDelay(failures).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(5), options.RetryDelay(100_000));
    }

    [Fact]
    public void Stream_agents_wait_doubling_up_to_their_cap_less_at_most_a_quarter_of_jitter()
    {
        var backoff = new StreamRetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));

        foreach (var attempt in Enumerable.Range(0, 40))
        {
            var full = Math.Min(100 * Math.Pow(2, attempt), 1_000);
            Assert.InRange(backoff.Next(attempt).TotalMilliseconds, full * 0.75, full);
        }
    }
}
