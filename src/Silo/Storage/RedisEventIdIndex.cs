using Loyalty.Grains.Ingestion;
using StackExchange.Redis;

namespace Loyalty.Silo.Storage;

/// <summary>
/// The Redis profile's event-id index, shared by every gateway: one key per event, holding the claiming attempt
/// while it publishes (expiring after <see cref="PendingFor"/>, so a gateway that dies mid-request blocks nothing for
/// long) and "stored" for <paramref name="window"/> once the event is on the stream. All calls are pipelined.
/// </summary>
public sealed class RedisEventIdIndex(string connectionString, string keyPrefix, TimeSpan window) : IEventIdIndex, IAsyncDisposable
{
    public static readonly TimeSpan PendingFor = TimeSpan.FromMinutes(1);

    private const string Stored = "stored";

    private static readonly LuaScript ReleaseIfHeld = LuaScript.Prepare(
        "if redis.call('GET', @key) == @attempt then return redis.call('DEL', @key) end return 0");

    private readonly Lazy<Task<ConnectionMultiplexer>> redis = new(() => Connect(connectionString));

    public async Task<EventIdClaim[]> Claim(string programId, IReadOnlyList<MemberEventKey> events, string attempt)
    {
        var database = (await redis.Value).GetDatabase();
        var claims = events.Select(e => database.StringSetAsync(Key(programId, e), attempt, PendingFor, When.NotExists)).ToArray();
        await Task.WhenAll(claims);
        var holders = events.Select((e, i) => claims[i].Result ? null : database.StringGetAsync(Key(programId, e))).ToArray();
        await Task.WhenAll(holders.OfType<Task<RedisValue>>());
        return [.. holders.Select(holder => holder is null
            ? EventIdClaim.Fresh
            : holder.Result == Stored ? EventIdClaim.Stored
            : holder.Result == attempt ? EventIdClaim.Fresh
            : EventIdClaim.InDoubt)];
    }

    public async Task Confirm(string programId, IReadOnlyList<MemberEventKey> events)
    {
        var database = (await redis.Value).GetDatabase();
        await Task.WhenAll(events.Select(e => database.StringSetAsync(Key(programId, e), Stored, window)));
    }

    public async Task Release(string programId, IReadOnlyList<MemberEventKey> events, string attempt)
    {
        var database = (await redis.Value).GetDatabase();
        await Task.WhenAll(events.Select(e => database.ScriptEvaluateAsync(ReleaseIfHeld, new { key = (RedisKey)Key(programId, e), attempt })));
    }

    public async ValueTask DisposeAsync()
    {
        if (redis.IsValueCreated)
        {
            await (await redis.Value).DisposeAsync();
        }
    }

    private string Key(string programId, MemberEventKey e) => $"{keyPrefix}:{programId}:{e.MemberId}:{e.EventId}";

    private static async Task<ConnectionMultiplexer> Connect(string connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        configuration.AsyncTimeout = 5_000;
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    }
}
