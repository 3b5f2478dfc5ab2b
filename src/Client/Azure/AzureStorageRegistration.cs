using Loyalty.Client.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Loyalty.Client.Azure;

public static class AzureStorageRegistration
{
    /// <summary>Registers the process's one <see cref="LoyaltyAzureStorage"/>, from <c>Loyalty:AzureStorage</c>, and answers it.</summary>
    public static LoyaltyAzureStorage AddLoyaltyAzureStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLoyaltyOptions<AzureStorageOptions>();
        var existing = services.FirstOrDefault(service => service.ServiceType == typeof(LoyaltyAzureStorage))?.ImplementationInstance;
        if (existing is LoyaltyAzureStorage shared)
        {
            return shared;
        }

        var storage = new LoyaltyAzureStorage(AzureStorageOptions.From(configuration));
        services.TryAddSingleton(storage);
        return storage;
    }

    /// <summary>
    /// The member-events stream on Azure queues, the same for silos and gateways: one queue per partition, named
    /// after the service, and the visibility timeout after which a message read by a silo that died is read again.
    /// </summary>
    public static void ConfigureMemberQueues(this OptionsBuilder<AzureQueueOptions> queues, LoyaltyHostingOptions hosting, LoyaltyAzureStorage storage) =>
        queues.Configure(options =>
        {
            options.QueueServiceClient = storage.Queues;
            options.QueueNames = [.. Enumerable.Range(0, hosting.StreamPartitions).Select(partition => AzureNames.Queue(hosting.ServiceId, partition))];
            options.MessageVisibilityTimeout = storage.Options.QueueVisibilityTimeout;
        });
}
