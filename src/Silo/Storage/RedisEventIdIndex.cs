using Loyalty.Grains.Ingestion;
using StackExchange.Redis;

namespace Loyalty.Silo.Storage;

/// <summary>
/// The Redis profile's event-id index, shared by every gateway: one key per event, holding the claiming attempt
/// while it publishes (expiring after <see cref="PendingFor"/>, so a gateway that dies mid-request blocks nothing for
/// long) and "stored" for <paramref name="window"/> once the event is on the stream.
/// </summary>
public sealed class RedisEventIdIndex(string connectionString, string keyPrefix, TimeSpan window) : IEventIdIndex, IAsyncDisposable
{
    public static readonly TimeSpan PendingFor = TimeSpan.FromMinutes(1);

    // One script call per request, however many events: a command per event would cost the gateway more CPU than
    // everything else it does. Claim answers 0 fresh, 1 stored, 2 in doubt for each key.
    private const string ClaimScript = """
        local out = {}
        for i, key in ipairs(KEYS) do
          if redis.call('SET', key, ARGV[1], 'NX', 'PX', ARGV[2]) then out[i] = 0
          else
            local holder = redis.call('GET', key)
            if holder == 'stored' then out[i] = 1 elseif holder == ARGV[1] then out[i] = 0 else out[i] = 2 end
          end
        end
        return out
        """;

    private const string ConfirmScript = """
        for _, key in ipairs(KEYS) do redis.call('SET', key, 'stored', 'EX', ARGV[1]) end
        return #KEYS
        """;

    private const string ReleaseScript = """
        for _, key in ipairs(KEYS) do
          if redis.call('GET', key) == ARGV[1] then redis.call('DEL', key) end
        end
        return #KEYS
        """;

    private readonly Lazy<Task<ConnectionMultiplexer>> redis = new(() => RedisConnections.Connect(connectionString));

    public async Task<EventIdClaim[]> Claim(string programId, IReadOnlyList<string> eventIds, string attempt)
    {
        var answers = (RedisResult[])(await Run(ClaimScript, programId, eventIds, attempt, (long)PendingFor.TotalMilliseconds))!;
        return [.. answers.Select(answer => (EventIdClaim)(int)answer)];
    }

    public Task Confirm(string programId, IReadOnlyList<string> eventIds) =>
        Run(ConfirmScript, programId, eventIds, (long)window.TotalSeconds);

    public Task Release(string programId, IReadOnlyList<string> eventIds, string attempt) =>
        Run(ReleaseScript, programId, eventIds, attempt);

    public async Task<bool[]> AreStored(string programId, IReadOnlyList<string> eventIds)
    {
        if (eventIds.Count == 0)
        {
            return [];
        }

        var values = await (await redis.Value).GetDatabase().StringGetAsync([.. eventIds.Select(e => (RedisKey)Key(programId, e))]);
        return [.. values.Select(value => value == "stored")];
    }

    public async ValueTask DisposeAsync()
    {
        if (redis.IsValueCreated)
        {
            await (await redis.Value).DisposeAsync();
        }
    }

    private async Task<RedisResult> Run(string script, string programId, IReadOnlyList<string> eventIds, params RedisValue[] arguments)
    {
        if (eventIds.Count == 0)
        {
            return RedisResult.Create(Array.Empty<RedisResult>());
        }

        var database = (await redis.Value).GetDatabase();
        return await database.ScriptEvaluateAsync(script, [.. eventIds.Select(e => (RedisKey)Key(programId, e))], arguments);
    }

    private string Key(string programId, string eventId) => $"{keyPrefix}:{programId}:{eventId}";
}
