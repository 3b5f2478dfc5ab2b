using System.Text;
using Loyalty.Silo.Storage;
using Loyalty.Client.Ingestion;
using StackExchange.Redis;

namespace Loyalty.Bench.Ingest;

/// <summary>
/// Stored bytes in Redis. Orleans' Redis grain storage keeps a member in the hash
/// "{ServiceId}/state/{grainId}/{stateName}" (grain id "member/{program}/{member}", state "member") with fields etag and data (the JSON, Brotli-compressed when large enough); our
/// ledger store keeps a list "{ServiceId}:ledger:{program}/{member}"; the gateways' duplicate index keeps hashes
/// under "{ServiceId}:seen:". Sizes are MEMORY USAGE: key, value and Redis' own overhead.
/// </summary>
public sealed class RedisStorageReport(ConnectionMultiplexer redis, string serviceId = "loyalty")
{
    public const long MemberTarget = 1_024;
    public const long HeavyMemberTarget = 16 * 1_024;

    private readonly IServer server = redis.GetServer(redis.GetEndPoints()[0]);
    private readonly IDatabase db = redis.GetDatabase();

    public RedisKey StateKey(string program, string member) => $"{serviceId}/state/member/{program}/{member}/member"; // grain id, then the state name

    /// <summary>Every member of <paramref name="program"/>, its ledger, and the duplicate index per id the gateways took.</summary>
    public async Task<List<string>> Members(string program, long eventIdsTaken)
    {
        var stateKeys = RedisKeySizes.Scan(server, $"{serviceId}/state/member/{program}/*");
        var state = await RedisKeySizes.MemoryUsage(db, stateKeys);
        var json = await RedisKeySizes.FieldLength(db, stateKeys, "data");
        var ledger = await RedisKeySizes.MemoryUsage(db, RedisKeySizes.Scan(server, $"{serviceId}:ledger:{program}/*"));
        var index = await RedisKeySizes.MemoryUsage(db, RedisKeySizes.Scan(server, $"{serviceId}:seen:*"));
        var lines = new List<string>
        {
            $"member state (program {program}): {state.Describe()}; target ≤ {MemberTarget:N0} B: {Verdict(state.P90, MemberTarget)} at p90, {Verdict(state.Max, MemberTarget)} at max",
            $"  of which the stored data (Brotli-compressed JSON): {json.Describe()}",
            $"ledger list per member: {ledger.Describe()} (apart from the target)",
            $"duplicate index: {index.Total:N0} B in {index.Keys:N0} hashes for {eventIdsTaken:N0} event ids taken = {(eventIdsTaken == 0 ? 0 : (double)index.Total / eventIdsTaken):N1} B/id",
        };
        if (state.Keys > 0)
        {
            lines.Add($"largest member {state.Largest} ({json.Max:N0} B of data), its largest parts in uncompressed JSON:");
            lines.AddRange(await Breakdown(state.Largest));
        }

        return lines;
    }

    /// <summary>One member's state and ledger, and the parts of its JSON that take the most bytes.</summary>
    public async Task<List<string>> Member(string program, string member, long target)
    {
        var key = StateKey(program, member);
        var state = await RedisKeySizes.MemoryUsage(db, [key]);
        var json = await RedisKeySizes.FieldLength(db, [key], "data");
        var ledger = await RedisKeySizes.MemoryUsage(db, [(RedisKey)$"{serviceId}:ledger:{program}/{member}"]);
        var lines = new List<string>
        {
            $"member {member}: state {state.Max:N0} B ({json.Max:N0} B of data); target ≤ {target:N0} B: {Verdict(state.Max, target)}; ledger list {ledger.Max:N0} B (apart)",
        };
        lines.AddRange(state.Keys > 0 ? await Breakdown(key) : [$"  no state stored under {key}"]);
        return lines;
    }

    private async Task<IEnumerable<string>> Breakdown(RedisKey key)
    {
        var data = (byte[]?)await db.HashGetAsync(key, "data");
        if (data is null)
        {
            return ["  (no data field)"];
        }

        var json = Encoding.UTF8.GetString(CompressedGrainStorageSerializer.Expand(data).Span);
        return [$"  {json.Length:N0} B of JSON", .. StateJsonBreakdown.Largest(json, 6).Select(line => "  " + line)];
    }

    private static string Verdict(long bytes, long target) => bytes <= target ? "met" : $"NOT met ({(double)bytes / target:N1}×)";
}
