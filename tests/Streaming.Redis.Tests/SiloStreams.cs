using Orleans.Runtime;
using Orleans.Streams;

namespace Loyalty.Streaming.Redis.Tests;

/// <summary>One consumer of the provider: publishes through its adapter, reads through a receiver of partition 0.</summary>
public sealed class SiloStreams(IQueueAdapterFactory factory, IQueueAdapter adapter)
{
    public IQueueAdapter Adapter => adapter;

    public Task Publish(StreamId stream, params object[] events) => adapter.QueueMessageBatchAsync(stream, events, null, null);

    public async Task<IQueueAdapterReceiver> Receiver()
    {
        var receiver = adapter.CreateReceiver(factory.GetStreamQueueMapper().GetQueueForStream(StreamsOnRedis.Stream("any")));
        await receiver.Initialize(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        return receiver;
    }
}
