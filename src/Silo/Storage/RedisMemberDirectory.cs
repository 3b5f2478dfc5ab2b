using System.Collections.Immutable;
using System.Globalization;
using Loyalty.Client.Redis;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Members;
using StackExchange.Redis;

namespace Loyalty.Silo.Storage;

/// <summary>
/// The Redis profile's member directory, three keys per program under <c>{keyPrefix}:{program}</c>: a hash of
/// summaries (member → "version|available|last event ms|tier"), a sorted set of member ids and one of
/// "tier\0member", both with equal scores so they order by id. A page is one range of one set; every change is one
/// script, so the three never disagree.
/// </summary>
public sealed class RedisMemberDirectory(LoyaltyRedis redis, string keyPrefix) : IMemberDirectory
{
    private const string NoEvent = "-1";

    // KEYS: ids, tiers, summaries. ARGV: member, version, available, last event ms, tier. The newer version's fields
    // win (an equal one replaces); the last event is the later of both. Numbers are compared, stored as sent.
    private const string UpsertScript = """
        local id, version, available, last, tier = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
        local held = redis.call('HGET', KEYS[3], id)
        if held then
          local heldVersion, heldAvailable, heldLast, heldTier = string.match(held, '^(%d+)|(%-?%d+)|(%-?%d+)|(.*)$')
          if tonumber(heldLast) > tonumber(last) then last = heldLast end
          if tonumber(heldVersion) > tonumber(version) then version, available, tier = heldVersion, heldAvailable, heldTier end
          if heldTier ~= tier then redis.call('ZREM', KEYS[2], heldTier .. '\0' .. id) end
        end
        redis.call('HSET', KEYS[3], id, version .. '|' .. available .. '|' .. last .. '|' .. tier)
        redis.call('ZADD', KEYS[1], 0, id)
        redis.call('ZADD', KEYS[2], 0, tier .. '\0' .. id)
        """;

    // KEYS: ids, tiers, summaries. ARGV: member.
    private const string RemoveScript = """
        local held = redis.call('HGET', KEYS[3], ARGV[1])
        if held then
          redis.call('ZREM', KEYS[2], string.match(held, '^[^|]*|[^|]*|[^|]*|(.*)$') .. '\0' .. ARGV[1])
          redis.call('HDEL', KEYS[3], ARGV[1])
        end
        redis.call('ZREM', KEYS[1], ARGV[1])
        """;

    // KEYS: the set to range, summaries. ARGV: min, max, count, characters before the id in an entry. Answers id, summary pairs.
    private const string PageScript = """
        local entries = redis.call('ZRANGEBYLEX', KEYS[1], ARGV[1], ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
        local skip = tonumber(ARGV[4])
        local page = {}
        for i, entry in ipairs(entries) do
          local id = string.sub(entry, skip + 1)
          page[2 * i - 1] = id
          page[2 * i] = redis.call('HGET', KEYS[2], id)
        end
        return page
        """;

    public async Task Upsert(string programId, MemberSummary summary)
    {
        var invariant = CultureInfo.InvariantCulture;
        var last = summary.LastEventAt is { } at ? at.ToUnixTimeMilliseconds().ToString(invariant) : NoEvent;
        var database = await redis.Database();
        await database.ScriptEvaluateAsync(UpsertScript, Keys(programId),
            [summary.MemberId, summary.Version.ToString(invariant), summary.Available.ToString(invariant), last, summary.Tier]);
    }

    public async Task Remove(string programId, string memberId) =>
        await (await redis.Database()).ScriptEvaluateAsync(RemoveScript, Keys(programId), [memberId]);

    public async Task<MemberSummaryPage> Page(string programId, MemberListQuery query)
    {
        // Entries of a tier's set open with "tier\0"; ids are ASCII, so every id with the prefix sorts before the
        // prefix followed by the highest character, and every entry of a tier before "tier\u0001".
        var opening = query.Tier is null ? "" : query.Tier + "\0";
        var prefix = query.Prefix ?? "";
        var min = query.After is { } after && string.CompareOrdinal(after, prefix) >= 0 ? $"({opening}{after}"
            : opening.Length + prefix.Length == 0 ? "-" : $"[{opening}{prefix}";
        var max = query.Prefix is not null ? $"({opening}{prefix}{char.MaxValue}"
            : query.Tier is not null ? $"({query.Tier}\u0001" : "+";
        var keys = Keys(programId);
        var database = await redis.Database();
        var answer = (RedisResult[])(await database.ScriptEvaluateAsync(PageScript,
            [query.Tier is null ? keys[0] : keys[1], keys[2]], [min, max, query.Limit + 1, opening.Length]))!;

        var items = ImmutableArray.CreateBuilder<MemberSummary>(answer.Length / 2);
        for (var i = 0; i + 1 < answer.Length && items.Count < query.Limit; i += 2)
        {
            items.Add(Decode((string)answer[i]!, (string)answer[i + 1]!));
        }

        return new MemberSummaryPage(items.ToImmutable(), answer.Length / 2 > query.Limit ? items[^1].MemberId : null);
    }

    private RedisKey[] Keys(string programId) =>
        [$"{keyPrefix}:{programId}:ids", $"{keyPrefix}:{programId}:tiers", $"{keyPrefix}:{programId}:summaries"];

    private static MemberSummary Decode(string memberId, string value)
    {
        var parts = value.Split('|', 4);
        var invariant = CultureInfo.InvariantCulture;
        var last = long.Parse(parts[2], invariant);
        return new MemberSummary(memberId, parts[3], long.Parse(parts[1], invariant),
            last < 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(last), long.Parse(parts[0], invariant));
    }
}
