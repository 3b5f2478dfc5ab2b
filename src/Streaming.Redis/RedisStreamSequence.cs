using System.Globalization;
using StackExchange.Redis;

namespace Loyalty.Streaming.Redis;

/// <summary>
/// Orleans sequence numbers taken from Redis entry ids ("milliseconds-counter"), so they grow across consumers and
/// restarts. A consumer tells a new pulling agent the last token it processed, and the agent skips what lies
/// before it: numbers that restarted from zero with each receiver would make a silo that takes a partition over
/// skip events nobody has applied.
/// </summary>
public static class RedisStreamSequence
{
    private const int CounterBits = 20;
    private const long CounterMask = (1L << CounterBits) - 1;

    public static long Of(RedisValue entryId)
    {
        var id = (string)entryId!;
        var dash = id.IndexOf('-');
        var milliseconds = long.Parse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture);
        var counter = long.Parse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture);
        return (milliseconds << CounterBits) | Math.Min(counter, CounterMask);
    }
}
