using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using StackExchange.Redis;

namespace Loyalty.Streaming.Redis;

/// <summary>
/// Refuses a stream provider's options that could not work, when the silo or client starts rather than at the first
/// publication; the message names the provider and the option.
/// </summary>
public sealed class RedisStreamOptionsValidator(RedisStreamOptions options, string name) : IConfigurationValidator
{
    /// <summary>Has the host check the provider's named options when it starts.</summary>
    public static void Register(IServiceCollection services, string name)
    {
        services.AddTransient<IConfigurationValidator>(provider =>
            new RedisStreamOptionsValidator(provider.GetOptionsByName<RedisStreamOptions>(name), name));
    }

    public void ValidateConfiguration()
    {
        if (options.CreateMultiplexer is null)
        {
            Require(!string.IsNullOrWhiteSpace(options.ConnectionString), nameof(options.ConnectionString), $"must be set when {nameof(options.CreateMultiplexer)} is not");
            Require(NamesAnEndpoint(options.ConnectionString), nameof(options.ConnectionString), "must be a StackExchange.Redis configuration string naming at least one endpoint");
        }

        Require(!string.IsNullOrWhiteSpace(options.KeyPrefix), nameof(options.KeyPrefix), "must not be empty");
        Require(!string.IsNullOrWhiteSpace(options.ConsumerGroup), nameof(options.ConsumerGroup), "must not be empty");
        Require(!string.IsNullOrWhiteSpace(options.ConsumerName), nameof(options.ConsumerName), "must not be empty");
        Require(options.Partitions >= 1, nameof(options.Partitions), $"must be at least 1 (it is {options.Partitions})");
        Require(options.MaxEntriesPerRead >= 1, nameof(options.MaxEntriesPerRead), $"must be at least 1 (it is {options.MaxEntriesPerRead})");
        Require(options.RedeliverAfter > TimeSpan.Zero, nameof(options.RedeliverAfter), $"must be above zero (it is {options.RedeliverAfter})");
        Require(options.OperationTimeout > TimeSpan.Zero, nameof(options.OperationTimeout), $"must be above zero (it is {options.OperationTimeout})");
        Require(options.Weigh is not null, nameof(options.Weigh), "must be set");
    }

    private void Require(bool holds, string option, string rule)
    {
        if (!holds)
        {
            throw new OrleansConfigurationException($"Redis stream provider \"{name}\": {nameof(RedisStreamOptions)}.{option} {rule}.");
        }
    }

    private static bool NamesAnEndpoint(string configuration)
    {
        try
        {
            return ConfigurationOptions.Parse(configuration).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
