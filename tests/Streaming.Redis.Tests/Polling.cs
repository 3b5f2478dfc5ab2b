using System.Diagnostics;
using Orleans.Streams;

namespace Loyalty.Streaming.Redis.Tests;

/// <summary>Waits for what a receiver delivers by reading it again and again until a deadline, never by sleeping.</summary>
public static class Polling
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>Reads until something comes; fails at the deadline.</summary>
    public static async Task<IList<IBatchContainer>> ReadUntilSomething(this IQueueAdapterReceiver receiver)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var read = await receiver.GetQueueMessagesAsync(100, TestContext.Current.CancellationToken);
            if (read.Count > 0)
            {
                return read;
            }

            Assert.True(clock.Elapsed < Deadline, $"Nothing was delivered within {Deadline}.");
            await Task.Delay(PollInterval, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The events of what was read, in the order delivered.</summary>
    public static object[] Events(this IEnumerable<IBatchContainer> read) =>
        [.. read.SelectMany(batch => batch.GetEvents<object>().Select(e => e.Item1))];
}
