using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;

namespace Loyalty.Client.Azure;

/// <summary>
/// The process's clients of the Azure Storage account, shared by the Orleans providers, our stores, the duplicate
/// index, the backlog reading and the health check. Every call is bounded by <see cref="AzureStorageOptions.CallTimeout"/>
/// a try, with one quick retry, so a storage outage fails a request within it instead of hanging it.
/// </summary>
public sealed class LoyaltyAzureStorage
{
    public LoyaltyAzureStorage(AzureStorageOptions options)
    {
        Options = options;
        var tableOptions = Bounded(new TableClientOptions(), options.CallTimeout);
        var queueOptions = Bounded(new QueueClientOptions(), options.CallTimeout);
        if (options.UsesServiceUris)
        {
            var credential = new DefaultAzureCredential();
            Tables = new TableServiceClient(options.TableServiceUri, credential, tableOptions);
            Queues = new QueueServiceClient(options.QueueServiceUri, credential, queueOptions);
        }
        else
        {
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
        }
    }

    public AzureStorageOptions Options { get; }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    /// <summary>A table of ours, created on first use; a failed creation (storage away) is tried again on the next.</summary>
    public Func<Task<TableClient>> TableOnFirstUse(string name)
    {
        Task<TableClient>? created = null;
        return async () =>
        {
            var creating = created ??= Create(name);
            try
            {
                return await creating;
            }
            catch
            {
                _ = Interlocked.CompareExchange(ref created, null, creating);
                throw;
            }
        };
    }

    private async Task<TableClient> Create(string name)
    {
        var table = Tables.GetTableClient(name);
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static T Bounded<T>(T client, TimeSpan callTimeout)
        where T : ClientOptions
    {
        client.Retry.Mode = RetryMode.Fixed;
        client.Retry.MaxRetries = 1;
        client.Retry.Delay = TimeSpan.FromMilliseconds(100);
        client.Retry.NetworkTimeout = callTimeout;
        return client;
    }
}
