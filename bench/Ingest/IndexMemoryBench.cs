using Loyalty.Client.Redis;
using System.Diagnostics;
using Loyalty.ClusterScript;
using Loyalty.Grains.Ingestion;
using Loyalty.Client.Ingestion;
using Loyalty.Silo.Storage;
using StackExchange.Redis;

namespace Loyalty.Bench.Ingest;

/// <summary>
/// Redis memory of the gateway's duplicate index per event id: the bucketed fingerprint layout the product uses,
/// sized as at full rate (the ids fill one bucket), beside the former layout of one key per event id, in one run.
/// </summary>
public static class IndexMemoryBench
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public static async Task<int> Run(int ids)
    {
        await using var redis = await ThrowawayRedis.Start();
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
        var server = admin.GetServers()[0];
        var eventIds = Enumerable.Range(0, ids).Select(_ => Guid.NewGuid().ToString()).ToList();
        Console.WriteLine($"duplicate index in Redis: {ids:N0} event ids (GUIDs), window {Window.TotalHours:N0} h, {new EventIdBuckets(Window).LookedUp} buckets looked up");

        var bucketSeconds = new EventIdBuckets(Window).LengthMs / 1000.0;
        await using var connection = new LoyaltyRedis(redis.Configuration, TimeSpan.FromSeconds(5));
        var index = new RedisEventIdIndex(connection, "loyalty:seen", Window, (int)Math.Ceiling(ids / bucketSeconds));
        var compact = await Measure(server, "loyalty:seen:*", async () =>
        {
            foreach (var batch in eventIds.Chunk(1_000))
            {
                ulong[] fingerprints = [.. batch.Select(e => EventIdHasher.Default("member", e))];
                await index.Claim("bench", fingerprints, "attempt");
                await index.Confirm("bench", fingerprints);
            }
        });
        await server.FlushDatabaseAsync();

        // The former layout: SET NX of the attempt on claim, then SET "stored" with the window's expiry on confirm.
        var oneKeyEach = await Measure(server, "loyalty:seen:*", async () =>
        {
            foreach (var batch in eventIds.Chunk(1_000))
            {
                var keys = batch.Select(e => (RedisKey)$"loyalty:seen:bench:{e}").ToArray();
                await Task.WhenAll(keys.Select(k => redis.Database.StringSetAsync(k, "attempt", TimeSpan.FromMinutes(1), When.NotExists)));
                await Task.WhenAll(keys.Select(k => redis.Database.StringSetAsync(k, "stored", Window)));
            }
        });

        Console.WriteLine();
        Console.WriteLine($"{"layout (claim + confirm of each id)",-52}{"keys",10}{"B/id (used_memory)",20}{"B/id (MEMORY USAGE)",22}{"seconds",10}{"Redis CPU µs/id",17}");
        Print($"fingerprints in {index.Slices:N0} hashes a bucket", compact, ids);
        Print("one key per event id (former)", oneKeyEach, ids);
        Console.WriteLine($"at 50,000 events/s for {Window.TotalHours:N0} h (+1/{EventIdBuckets.PerWindow} for the last bucket): "
            + $"{Gigabytes(compact, ids):N1} GB vs {Gigabytes(oneKeyEach, ids, extra: false):N1} GB");
        return 0;
    }

    private sealed record Usage(long Keys, long UsedMemory, long MemoryUsage, TimeSpan Elapsed, double RedisCpuSeconds);

    private static async Task<Usage> Measure(IServer server, string pattern, Func<Task> write)
    {
        var before = await UsedMemory(server);
        var cpuBefore = await RedisCpu(server);
        var clock = Stopwatch.StartNew();
        await write();
        var elapsed = clock.Elapsed;
        var cpu = await RedisCpu(server) - cpuBefore;
        var keys = server.Keys(pattern: pattern, pageSize: 1_000).ToList();
        var usage = 0L;
        foreach (var key in keys)
        {
            usage += (long)await server.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");
        }

        return new Usage(keys.Count, await UsedMemory(server) - before, usage, elapsed, cpu);
    }

    private static async Task<long> UsedMemory(IServer server) => (long)await Info(server, "memory", "used_memory");

    // Redis runs commands on one thread: its CPU an id bounds the ids a second one Redis can take.
    private static async Task<double> RedisCpu(IServer server) =>
        await Info(server, "cpu", "used_cpu_user") + await Info(server, "cpu", "used_cpu_sys");

    private static async Task<double> Info(IServer server, string section, string name) => double.Parse(
        (await server.InfoAsync(section)).SelectMany(g => g).First(p => p.Key == name).Value, System.Globalization.CultureInfo.InvariantCulture);

    private static double Gigabytes(Usage usage, int ids, bool extra = true) =>
        50_000.0 * Window.TotalSeconds * (extra ? 1 + 1.0 / EventIdBuckets.PerWindow : 1) * usage.UsedMemory / ids / 1e9;

    private static void Print(string layout, Usage usage, int ids) =>
        Console.WriteLine($"{layout,-52}{usage.Keys,10:N0}{usage.UsedMemory / (double)ids,20:N1}{usage.MemoryUsage / (double)ids,22:N1}{usage.Elapsed.TotalSeconds,10:N2}{usage.RedisCpuSeconds * 1e6 / ids,17:N1}");
}
