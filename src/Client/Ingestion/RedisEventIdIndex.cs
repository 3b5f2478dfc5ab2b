using System.Buffers.Binary;
using Loyalty.Client.Redis;
using StackExchange.Redis;

namespace Loyalty.Client.Ingestion;

/// <summary>
/// The Redis profile's event-id index, shared by every gateway. Stored ids live in small hashes, one per program,
/// time bucket (<see cref="EventIdBuckets"/>) and slice, each expiring with its bucket; <see cref="Slices"/> is chosen
/// so a bucket's hashes hold about <see cref="IdsPerHash"/> ids each at <paramref name="peakIdsPerSecond"/>, which
/// Redis keeps as listpacks: about 12 bytes an id, 15 with the allocator's and the key table's share. A claim holds
/// its attempt in a separate short-lived hash, for between <see cref="PendingFor"/> and twice that, so a gateway that
/// dies mid-request blocks nothing for long.
/// </summary>
/// <param name="peakIdsPerSecond">The busiest program's rate the index is sized for; above it hashes outgrow listpacks and cost several times more.</param>
public sealed class RedisEventIdIndex : IEventIdIndex
{
    public static readonly TimeSpan PendingFor = TimeSpan.FromMinutes(1);

    /// <summary>Three quarters of Redis' hash-max-listpack-entries (128), so random spread seldom pushes a hash past it.</summary>
    public const int IdsPerHash = 96;

    // The scripts unpack a call's ids into single commands, and Lua unpacks at most about 8,000 values.
    private const int IdsPerCall = 2_000;

    private readonly string keyPrefix;
    private readonly EventIdBuckets buckets;
    private readonly TimeProvider clock;
    private readonly LoyaltyRedis redis;

    public RedisEventIdIndex(LoyaltyRedis redis, string keyPrefix, TimeSpan window, int peakIdsPerSecond, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(peakIdsPerSecond, 1);
        this.keyPrefix = keyPrefix;
        buckets = new EventIdBuckets(window);
        clock = time ?? TimeProvider.System;
        this.redis = redis;
        Slices = (int)Math.Clamp(peakIdsPerSecond * buckets.LengthMs / 1000 / IdsPerHash, 1, int.MaxValue);
    }

    public int Slices { get; }

    public async Task<EventIdClaim[]> Claim(string programId, IReadOnlyList<ulong> ids, string attempt)
    {
        var now = clock.GetUtcNow();
        var pending = PendingBucket(now);
        var answers = await Run(RedisEventIdScripts.Claim, programId, ids,
            buckets.Current(now), buckets.LookedUp, attempt, pending, (pending + 2) * (long)PendingFor.TotalMilliseconds);
        return [.. answers.Select(answer => (EventIdClaim)(int)answer)];
    }

    public Task Confirm(string programId, IReadOnlyList<ulong> ids)
    {
        var now = clock.GetUtcNow();
        var bucket = buckets.Current(now);
        return Run(RedisEventIdScripts.Confirm, programId, ids, bucket, buckets.ExpiresAtMs(bucket), PendingBucket(now));
    }

    public Task Release(string programId, IReadOnlyList<ulong> ids, string attempt) =>
        Run(RedisEventIdScripts.Release, programId, ids, attempt, PendingBucket(clock.GetUtcNow()));

    public async Task<bool[]> AreStored(string programId, IReadOnlyList<ulong> ids)
    {
        var answers = await Run(RedisEventIdScripts.AreStored, programId, ids, buckets.Current(clock.GetUtcNow()), buckets.LookedUp);
        return [.. answers.Select(answer => (int)answer == 1)];
    }

    private static long PendingBucket(DateTimeOffset now) => now.ToUnixTimeMilliseconds() / (long)PendingFor.TotalMilliseconds;

    private async Task<RedisResult[]> Run(string script, string programId, IReadOnlyList<ulong> ids, params RedisValue[] arguments)
    {
        var database = await redis.Database();
        var answers = new List<RedisResult>(ids.Count);
        foreach (var chunk in ids.Chunk(IdsPerCall))
        {
            var argv = new RedisValue[1 + arguments.Length + 2 * chunk.Length];
            argv[0] = $"{keyPrefix}:{programId}:";
            arguments.CopyTo(argv, 1);
            for (var i = 0; i < chunk.Length; i++)
            {
                var fingerprint = new byte[8];
                BinaryPrimitives.WriteUInt64BigEndian(fingerprint, chunk[i]);
                argv[1 + arguments.Length + 2 * i] = SliceOf(chunk[i]);
                argv[2 + arguments.Length + 2 * i] = fingerprint;
            }

            answers.AddRange((RedisResult[])(await database.ScriptEvaluateAsync(script, [], argv))!);
        }

        return [.. answers];
    }

    // The top bits pick the slice and the field is the low 6 bytes: a hit matches 48 bits and the slice, about 59 bits at
    // 50,000 ids/s. A false hit costs a "duplicate" answer for an event that is applied, never the event.
    private long SliceOf(ulong id) => (long)((id >> 32) * (ulong)Slices >> 32);
}
