namespace Loyalty.Silo.Storage;

/// <summary>
/// The Lua of <see cref="RedisEventIdIndex"/>: one script call per request, however many events, since a command per
/// event would cost the gateway more CPU than everything else it does. ARGV[1] is the program's key prefix; ids come
/// as (slice, 8-byte fingerprint) pairs. A stored key is prefix..bucket..':'..slice, a hash of 7-byte fields (the
/// fingerprint's low bytes) valued 1; a pending key is prefix..'p'..pendingBucket, fingerprint → attempt. Keys are
/// built inside the scripts, so this needs a single Redis (or every key on one node), like the Orleans providers here.
/// </summary>
internal static class RedisEventIdScripts
{
    // Stored fields: the buckets of the window, newest first.
    private const string StoredIn = """
        local function stored(p, cur, n, slice, id)
          local field = string.sub(id, 2)
          for b = cur, cur - n + 1, -1 do
            if redis.call('HEXISTS', p .. b .. ':' .. slice, field) == 1 then return true end
          end
          return false
        end
        """;

    /// <summary>ARGV: prefix, bucket, buckets looked up, attempt, pending bucket, its expiry (unix ms), pairs. Answers 0 fresh, 1 stored, 2 in doubt.</summary>
    public const string Claim = StoredIn + """

        local p, cur, n, att, pb = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], tonumber(ARGV[5])
        local now, before = p .. 'p' .. pb, p .. 'p' .. (pb - 1)
        local out = {}
        for i = 7, #ARGV, 2 do
          local id = ARGV[i + 1]
          if stored(p, cur, n, ARGV[i], id) then out[#out + 1] = 1
          else
            local holder = redis.call('HGET', now, id) or redis.call('HGET', before, id)
            if not holder then
              redis.call('HSET', now, id, att)
              redis.call('PEXPIREAT', now, ARGV[6])
              out[#out + 1] = 0
            elseif holder == att then out[#out + 1] = 0
            else out[#out + 1] = 2 end
          end
        end
        return out
        """;

    /// <summary>ARGV: prefix, bucket, its expiry (unix ms), pending bucket, pairs.</summary>
    public const string Confirm = """
        local p, pb = ARGV[1], tonumber(ARGV[4])
        for i = 5, #ARGV, 2 do
          local key, id = p .. ARGV[2] .. ':' .. ARGV[i], ARGV[i + 1]
          redis.call('HSET', key, string.sub(id, 2), 1)
          redis.call('PEXPIREAT', key, ARGV[3])
          redis.call('HDEL', p .. 'p' .. pb, id)
          redis.call('HDEL', p .. 'p' .. (pb - 1), id)
        end
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
    public const string AreStored = StoredIn + """

        local p, cur, n = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
        local out = {}
        for i = 4, #ARGV, 2 do out[#out + 1] = stored(p, cur, n, ARGV[i], ARGV[i + 1]) and 1 or 0 end
        return out
        """;
}
