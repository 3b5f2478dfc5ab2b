using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Loyalty.Streaming.Redis.Tests;

/// <summary>
/// With <see cref="RedisStreamOptions.CreateMultiplexer"/> the provider works on the host's one connection, ignores
/// the connection string, and leaves that connection open when it is done with it.
/// </summary>
public sealed class SharedConnectionTests
{
    [Fact]
    public async Task The_provider_publishes_and_reads_on_the_shared_connection_and_never_closes_it()
    {
        await using var streams = await StreamsOnRedis.Start(options =>
        {
            options.ConnectionString = "nowhere.invalid:1";
            options.CreateMultiplexer = services => Task.FromResult(services.GetRequiredService<IConnectionMultiplexer>());
        });
        var shared = streams.Services.GetRequiredService<IConnectionMultiplexer>();
        var a = await streams.Silo("a");
        var receiver = await a.Receiver();

        await using (var backlog = new RedisStreamBacklog(streams.Options("gateway"), streams.Services))
        {
            await a.Publish(StreamsOnRedis.Stream("ann"), "on the shared connection");
            Assert.Equal(["on the shared connection"], (await receiver.ReadUntilSomething()).Events());
            Assert.Equal(1, (await backlog.Read()).Events);
        }

        Assert.True(shared.IsConnected);
        Assert.Equal(1, (long)await shared.GetDatabase().StringGetAsync(streams.Options("a").PendingKey(0)));
    }
}
