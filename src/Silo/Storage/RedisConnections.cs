using StackExchange.Redis;

namespace Loyalty.Silo.Storage;

/// <summary>How our own Redis stores connect: a silo starts even while Redis is away, and calls fail fast.</summary>
internal static class RedisConnections
{
    public static async Task<ConnectionMultiplexer> Connect(string connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        configuration.AsyncTimeout = 5_000;
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    }
}
