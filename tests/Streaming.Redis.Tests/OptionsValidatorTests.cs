using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Streams;
using StackExchange.Redis;

namespace Loyalty.Streaming.Redis.Tests;

/// <summary>Options that could not work stop the silo at start, with a message naming the provider and the option.</summary>
public sealed class OptionsValidatorTests
{
    public static TheoryData<string, Action<RedisStreamOptions>> Refused => new()
    {
        { nameof(RedisStreamOptions.ConnectionString), options => options.ConnectionString = " " },
        { nameof(RedisStreamOptions.ConnectionString), options => options.ConnectionString = "abortConnect=false" },
        { nameof(RedisStreamOptions.KeyPrefix), options => options.KeyPrefix = "" },
        { nameof(RedisStreamOptions.ConsumerGroup), options => options.ConsumerGroup = "" },
        { nameof(RedisStreamOptions.ConsumerName), options => options.ConsumerName = " " },
        { nameof(RedisStreamOptions.Partitions), options => options.Partitions = 0 },
        { nameof(RedisStreamOptions.MaxEntriesPerRead), options => options.MaxEntriesPerRead = 0 },
        { nameof(RedisStreamOptions.RedeliverAfter), options => options.RedeliverAfter = TimeSpan.Zero },
        { nameof(RedisStreamOptions.OperationTimeout), options => options.OperationTimeout = TimeSpan.FromSeconds(-1) },
        { nameof(RedisStreamOptions.Weigh), options => options.Weigh = null! },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_an_option_that_could_not_work_and_names_it(string option, Action<RedisStreamOptions> spoil)
    {
        var options = new RedisStreamOptions();
        spoil(options);

        var refusal = Assert.Throws<OrleansConfigurationException>(new RedisStreamOptionsValidator(options, "member-events").ValidateConfiguration);

        Assert.Contains($"{nameof(RedisStreamOptions)}.{option} ", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("\"member-events\"", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Takes_the_defaults_and_a_shared_connection_in_place_of_a_connection_string()
    {
        new RedisStreamOptionsValidator(new RedisStreamOptions(), "member-events").ValidateConfiguration();
        new RedisStreamOptionsValidator(
            new RedisStreamOptions { ConnectionString = "", CreateMultiplexer = services => Task.FromResult(services.GetRequiredService<IConnectionMultiplexer>()) },
            "member-events").ValidateConfiguration();
    }

    [Fact]
    public async Task A_silo_with_bad_provider_options_refuses_to_start()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort())
            .AddRedisConsumerGroupStreams(
                "member-events", options => options.Partitions = 0, stream => stream.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly)));
        using var host = builder.Build();

        var refusal = await Assert.ThrowsAsync<OrleansConfigurationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("\"member-events\": RedisStreamOptions.Partitions must be at least 1", refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>Ports a silo could listen on, should it wrongly start.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
