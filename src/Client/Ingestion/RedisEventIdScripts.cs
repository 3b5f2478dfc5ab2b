namespace Loyalty.Client.Ingestion;

/// <summary>
/// The Lua of <see cref="RedisEventIdIndex"/>: one script call per request, however many events, since a command per
/// event would cost the gateway more CPU than everything else it does. ARGV[1] is the program's key prefix; ids come
/// as (slice, 8-byte fingerprint) pairs. A stored key is prefix..bucket..':'..slice, a hash of 6-byte fields (the
/// fingerprint's low bytes) valued 1; a pending key is prefix..'p'..pendingBucket, fingerprint → attempt. Keys are
/// built inside the scripts, so this needs a single Redis (or every key on one node), like the Orleans providers here.
/// </summary>
internal static class RedisEventIdScripts
{
    // Stored fields: the buckets of the window, newest first. Helpers batch what can be batched: a call per id per
    // bucket is the index's main cost in Redis.
    private const string Helpers = """
        local function prefixes(p, cur, n)
          local out = {}
          for b = cur, cur - n + 1, -1 do out[#out + 1] = p .. b .. ':' end
          return out
        end
        local function stored(buckets, slice, id)
          local field = string.sub(id, 3)
          for _, bucket in ipairs(buckets) do
            if redis.call('HEXISTS', bucket .. slice, field) == 1 then return true end
          end
          return false
        end
        local function ids(first)
          local out = {}
          for i = first + 1, #ARGV, 2 do out[#out + 1] = ARGV[i] end
          return out
        end
        """;

    /// <summary>ARGV: prefix, bucket, buckets looked up, attempt, pending bucket, its expiry (unix ms), pairs. Answers 0 fresh, 1 stored, 2 in doubt.</summary>
    public const string Claim = Helpers + """

        local p, att, pb = ARGV[1], ARGV[4], tonumber(ARGV[5])
        local buckets = prefixes(p, tonumber(ARGV[2]), tonumber(ARGV[3]))
        local now, before = p .. 'p' .. pb, p .. 'p' .. (pb - 1)
        local all = ids(7)
        local held, heldBefore = redis.call('HMGET', now, unpack(all)), redis.call('HMGET', before, unpack(all))
        local out, claims = {}, {}
        for i = 7, #ARGV, 2 do
          local k = (i - 5) / 2
          local holder = held[k] or heldBefore[k]
          if stored(buckets, ARGV[i], ARGV[i + 1]) then out[k] = 1
          elseif not holder then
            claims[#claims + 1] = ARGV[i + 1]
            claims[#claims + 1] = att
            out[k] = 0
          elseif holder == att then out[k] = 0
          else out[k] = 2 end
        end
        if #claims > 0 then
          redis.call('HSET', now, unpack(claims))
          redis.call('PEXPIREAT', now, ARGV[6])
        end
        return out
        """;

    /// <summary>ARGV: prefix, bucket, its expiry (unix ms), pending bucket, pairs.</summary>
    public const string Confirm = Helpers + """

        local p, pb = ARGV[1], tonumber(ARGV[4])
        for i = 5, #ARGV, 2 do
          local key = p .. ARGV[2] .. ':' .. ARGV[i]
          redis.call('HSET', key, string.sub(ARGV[i + 1], 3), 1)
          redis.call('PEXPIREAT', key, ARGV[3])
        end
        local all = ids(5)
        redis.call('HDEL', p .. 'p' .. pb, unpack(all))
        redis.call('HDEL', p .. 'p' .. (pb - 1), unpack(all))
        return {}
        """;

    /// <summary>ARGV: prefix, attempt, pending bucket, pairs.</summary>
    public const string Release = """
        local p, att, pb = ARGV[1], ARGV[2], tonumber(ARGV[3])
        for i = 4, #ARGV, 2 do
          for _, key in ipairs({ p .. 'p' .. pb, p .. 'p' .. (pb - 1) }) do
            if redis.call('HGET', key, ARGV[i + 1]) == att then redis.call('HDEL', key, ARGV[i + 1]) end
          end
        end
        return {}
        """;

    /// <summary>ARGV: prefix, bucket, buckets looked up, pairs. Answers 1 stored, 0 not.</summary>
    public const string AreStored = Helpers + """

        local buckets = prefixes(ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]))
        local out = {}
        for i = 4, #ARGV, 2 do out[#out + 1] = stored(buckets, ARGV[i], ARGV[i + 1]) and 1 or 0 end
        return out
        """;
}
