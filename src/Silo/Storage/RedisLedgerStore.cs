using System.Text.Json;
using Loyalty.Domain;
using Loyalty.Grains.Members;
using Loyalty.Client.Redis;
using StackExchange.Redis;

namespace Loyalty.Silo.Storage;

/// <summary>
/// The Redis profile's ledger store: one list per member at <c>{keyPrefix}:{program}/{member}</c>, newest entry
/// first, each entry as JSON that opens with its sequence. The head's sequence is the stored count, so one key per
/// member suffices; dropping the oldest (LTRIM from the tail) never moves the newest, so positions stay stable.
/// </summary>
public sealed class RedisLedgerStore(LoyaltyRedis redis, string keyPrefix) : ILedgerStore
{
    // The newest stored sequence, read from the head entry's opening "sequence" field; 0 for an empty list.
    private const string StoredCount = """
        local head = redis.call('LINDEX', KEYS[1], 0)
        local stored = 0
        if head then stored = tonumber(string.match(head, '^{"sequence":(%d+)')) end
        """;

    // ARGV: keep (0: all), then sequence and entry pairs, oldest first. Stored entries from the first sequence on are
    // replaced (the head is the newest, so they are the first `stored - first + 1` of the list).
    private const string AppendScript = StoredCount + "\n" + """
        local replaced = stored - tonumber(ARGV[2]) + 1
        if replaced > 0 then redis.call('LTRIM', KEYS[1], replaced, -1) end
        for i = 2, #ARGV, 2 do
          redis.call('LPUSH', KEYS[1], ARGV[i + 1])
        end
        local keep = tonumber(ARGV[1])
        if keep > 0 then redis.call('LTRIM', KEYS[1], 0, keep - 1) end
        return tonumber(ARGV[#ARGV - 1])
        """;

    // ARGV: through sequence, limit. Answers the stored count, then the entries; position of sequence s is stored - s.
    private const string ReadScript = StoredCount + "\n" + """
        local through = math.min(tonumber(ARGV[1]), stored)
        local limit = tonumber(ARGV[2])
        if through < 1 or limit < 1 then return {stored} end
        local entries = redis.call('LRANGE', KEYS[1], stored - through, stored - through + limit - 1)
        table.insert(entries, 1, stored)
        return entries
        """;

    public async Task Append(string programId, string memberId, IReadOnlyList<LedgerEntry> entries, int? keepNewest)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var arguments = new RedisValue[1 + (2 * entries.Count)];
        arguments[0] = keepNewest ?? 0;
        for (var i = 0; i < entries.Count; i++)
        {
            arguments[1 + (2 * i)] = entries[i].Sequence;
            arguments[2 + (2 * i)] = JsonSerializer.SerializeToUtf8Bytes(entries[i], LedgerJson.Options); // UTF-8 as Redis keeps it, no string between
        }

        var database = await redis.Database();
        await database.ScriptEvaluateAsync(AppendScript, [Key(programId, memberId)], arguments);
    }

    public async Task<StoredLedger> Read(string programId, string memberId, long throughSequence, int limit)
    {
        var database = await redis.Database();
        var result = (RedisResult[])(await database.ScriptEvaluateAsync(ReadScript, [Key(programId, memberId)], [throughSequence, limit]))!;
        var entries = result.Skip(1).Select(value => JsonSerializer.Deserialize<LedgerEntry>((byte[])value!, LedgerJson.Options)!).ToList();
        return new StoredLedger((long)result[0], entries);
    }

    public async Task Erase(string programId, string memberId) =>
        await (await redis.Database()).KeyDeleteAsync(Key(programId, memberId));

    private RedisKey Key(string programId, string memberId) => $"{keyPrefix}:{programId}/{memberId}";
}
