using StackExchange.Redis;

namespace Loyalty.Bench.Ingest;

/// <summary>Redis' own count of the bytes each key takes (MEMORY USAGE, every element counted), as a distribution.</summary>
public static class RedisKeySizes
{
    public sealed record Distribution(int Keys, long Total, long P50, long P90, long Max, RedisKey Largest)
    {
        public string Describe(string unit = "B") => Keys == 0
            ? "no keys found"
            : $"p50 {P50:N0} {unit}, p90 {P90:N0} {unit}, max {Max:N0} {unit} over {Keys:N0} keys";
    }

    public static List<RedisKey> Scan(IServer server, string pattern) => [.. server.Keys(pattern: pattern, pageSize: 1_000)];

    /// <summary>MEMORY USAGE key SAMPLES 0 for each key: all of a list's or hash's elements, not a sample of them.</summary>
    public static Task<Distribution> MemoryUsage(IDatabase db, IReadOnlyList<RedisKey> keys) =>
        Measure(keys, key => db.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0"));

    /// <summary>The bytes of one hash field's value (HSTRLEN): for grain state, the JSON Orleans stored.</summary>
    public static Task<Distribution> FieldLength(IDatabase db, IReadOnlyList<RedisKey> keys, string field) =>
        Measure(keys, async key => RedisResult.Create(await db.HashStringLengthAsync(key, field)));

    private static async Task<Distribution> Measure(IReadOnlyList<RedisKey> keys, Func<RedisKey, Task<RedisResult>> size)
    {
        var sizes = new List<(RedisKey Key, long Bytes)>(keys.Count);
        foreach (var chunk in keys.Chunk(1_000))
        {
            var answers = await Task.WhenAll(chunk.Select(size));
            sizes.AddRange(chunk.Zip(answers, (key, answer) => (key, answer.IsNull ? 0L : (long)answer)));
        }

        if (sizes.Count == 0)
        {
            return new Distribution(0, 0, 0, 0, 0, default);
        }

        var bytes = sizes.Select(s => s.Bytes).ToList();
        var largest = sizes.MaxBy(s => s.Bytes);
        return new Distribution(sizes.Count, bytes.Sum(), Percentiles.Of(bytes, 50), Percentiles.Of(bytes, 90), largest.Bytes, largest.Key);
    }
}
