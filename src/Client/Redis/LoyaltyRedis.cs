using StackExchange.Redis;

namespace Loyalty.Client.Redis;

/// <summary>
/// The one Redis connection of ours in a process, registered once and shared by the duplicate index, the silo's own
/// stores (ledger, board shards, due work), the member-event streams and the health check. It connects on first use
/// and never aborts on a failed connect, so a process starts while Redis is away; calls then fail within
/// <paramref name="callTimeout"/> (<c>Loyalty:RedisCallTimeout</c>) and the connection comes back by itself.
/// </summary>
public sealed class LoyaltyRedis(string connectionString, TimeSpan callTimeout) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> connection = new(() => Connect(connectionString, callTimeout));

    public Task<ConnectionMultiplexer> Connection => connection.Value;

    public async Task<IDatabase> Database() => (await connection.Value).GetDatabase();

    public async ValueTask DisposeAsync()
    {
        if (connection.IsValueCreated)
        {
            await (await connection.Value).DisposeAsync();
        }
    }

    private static async Task<ConnectionMultiplexer> Connect(string connectionString, TimeSpan callTimeout)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        configuration.AsyncTimeout = (int)callTimeout.TotalMilliseconds;
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    }
}
