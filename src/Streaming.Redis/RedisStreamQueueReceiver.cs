using Orleans.Serialization;
using Orleans.Streams;
using StackExchange.Redis;
using StreamPosition = StackExchange.Redis.StreamPosition;

namespace Loyalty.Streaming.Redis;

/// <summary>
/// Reads one partition through the consumer group. On taking the partition over it claims every entry another
/// consumer took and never acknowledged (a dead silo, or one that handed the partition over), re-reads all its
/// pending entries in order, and only then reads new ones. Entries are acknowledged (XACK) and deleted (XDEL) only
/// once Orleans reports them delivered, so a silo that dies mid-delivery leaves them pending for the next owner:
/// at-least-once, made exactly-once in effect by the consumers' event-id de-duplication.
/// While it owns the partition it also re-claims entries left pending longer than
/// <see cref="RedisStreamOptions.RedeliverAfter"/>: a previous owner that was still reading while the partition
/// moved leaves entries nobody else would ever deliver.
/// </summary>
public sealed class RedisStreamQueueReceiver(
    RedisStreamOptions options,
    IConnectionMultiplexer redis,
    uint partition,
    Serializer<RedisStreamBatchContainer> serializer,
    ILogger<RedisStreamQueueReceiver> logger)
    : IQueueAdapterReceiver
{
    // Only an entry this call deletes takes its weight off the pending count: two owners may acknowledge one entry.
    private const string AcknowledgeAndDeleteScript = $"""
        local gone = 0
        for i = 2, #ARGV do
          local entry = redis.call('XRANGE', KEYS[1], ARGV[i], ARGV[i])
          if #entry == 1 then
            local fields = entry[1][2]
            for f = 1, #fields, 2 do
              if fields[f] == '{RedisStreamQueueAdapter.WeightField}' then gone = gone + tonumber(fields[f + 1]) end
            end
            redis.call('XDEL', KEYS[1], ARGV[i])
          end
          redis.call('XACK', KEYS[1], ARGV[1], ARGV[i])
        end
        if gone ~= 0 then redis.call('DECRBY', KEYS[2], gone) end
        return gone
        """;

    private readonly RedisKey key = options.PartitionKey(partition);
    private readonly RedisKey pendingKey = options.PendingKey(partition);
    private readonly RedisStreamSequence sequence = new(options.SequenceKey(partition));

    private IDatabase Database => redis.GetDatabase();

    private RedisValue ownPendingCursor = "0";
    private bool ownPendingDone;
    private long nextIdleClaimAt = Environment.TickCount64;
    private RedisValue idleClaimCursor = "0-0";

    public async Task Initialize(TimeSpan timeout)
    {
        try
        {
            await Database.StreamCreateConsumerGroupAsync(key, options.ConsumerGroup, StreamPosition.Beginning, createStream: true).WaitAsync(timeout);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group exists: progress made before a restart is kept.
        }

        await ClaimEveryPendingEntry().WaitAsync(timeout);
    }

    /// <summary>
    /// A partition has one owner at a time, so whatever another consumer still holds was left by a silo that died or
    /// handed the partition over. Claiming it all before reading anything new delivers each member's events in the
    /// order they were stored.
    /// </summary>
    private async Task ClaimEveryPendingEntry()
    {
        RedisValue cursor = "0-0";
        var claimed = 0;
        do
        {
            var result = await Database.StreamAutoClaimIdsOnlyAsync(key, options.ConsumerGroup, options.ConsumerName, 0, cursor, 1_000);
            claimed += result.ClaimedIds.Length;
            cursor = result.NextStartId;
        }
        while (cursor != "0-0");

        if (claimed > 0)
        {
            logger.LogInformation("Took over {Count} pending entries of {Key}", claimed, key);
        }
    }

    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        var count = maxCount < 0 ? options.MaxEntriesPerRead : Math.Min(maxCount, options.MaxEntriesPerRead);
        if (count == 0)
        {
            return [];
        }

        var entries = ownPendingDone && Environment.TickCount64 >= nextIdleClaimAt
            ? await ClaimEntriesIdleTooLong(count).WaitAsync(options.OperationTimeout, cancellationToken)
            : [];
        if (entries.Length == 0)
        {
            entries = await ReadOwnPendingThenNew(count).WaitAsync(options.OperationTimeout, cancellationToken);
        }

        var read = new List<(RedisValue Id, RedisStreamBatchContainer Batch)>(entries.Length);
        var vanished = new List<RedisValue>();
        foreach (var entry in entries)
        {
            var data = entry.IsNull ? RedisValue.Null : entry[RedisStreamQueueAdapter.BatchField];
            if (data.IsNull)
            {
                vanished.Add(entry.Id); // deleted meanwhile: nothing to deliver, only its pending mark to clear
                continue;
            }

            read.Add((entry.Id, serializer.Deserialize((ReadOnlyMemory<byte>)data)
                ?? throw new InvalidDataException($"Entry {entry.Id} of {key} holds no batch.")));
        }

        var batches = new List<IBatchContainer>(read.Count);
        if (read.Count > 0)
        {
            var first = await sequence.Reserve(Database, read.Count).WaitAsync(options.OperationTimeout, cancellationToken);
            batches.AddRange(read.Select((entry, i) => entry.Batch.TieToEntry(entry.Id, first + i)));
        }

        if (vanished.Count > 0)
        {
            await AcknowledgeAndDelete([.. vanished]);
        }

        return batches;
    }

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        var ids = messages.OfType<RedisStreamBatchContainer>().Select(m => m.EntryId).Where(id => !id.IsNull).ToArray();
        if (ids.Length > 0)
        {
            await AcknowledgeAndDelete(ids).WaitAsync(options.OperationTimeout, cancellationToken);
        }
    }

    public Task Shutdown(TimeSpan timeout) => Task.CompletedTask;

    private async Task<StreamEntry[]> ReadOwnPendingThenNew(int count)
    {
        if (!ownPendingDone)
        {
            var pending = await Database.StreamReadGroupAsync(key, options.ConsumerGroup, options.ConsumerName, ownPendingCursor, count);
            if (pending.Length > 0)
            {
                ownPendingCursor = pending[^1].Id;
                logger.LogInformation("Redelivering {Count} pending entries of {Key}", pending.Length, key);
                return pending;
            }

            ownPendingDone = true;
        }

        return await Database.StreamReadGroupAsync(key, options.ConsumerGroup, options.ConsumerName, StreamPosition.NewMessages, count);
    }

    /// <summary>
    /// Entries pending longer than the redelivery delay, whoever holds them, claimed for this consumer; looked for
    /// twice per delay, which costs one round trip.
    /// </summary>
    private async Task<StreamEntry[]> ClaimEntriesIdleTooLong(int count)
    {
        var result = await Database.StreamAutoClaimAsync(
            key, options.ConsumerGroup, options.ConsumerName, (long)options.RedeliverAfter.TotalMilliseconds, idleClaimCursor, count);
        idleClaimCursor = result.NextStartId;
        var finished = idleClaimCursor == "0-0";
        nextIdleClaimAt = Environment.TickCount64 + (finished ? (long)options.RedeliverAfter.TotalMilliseconds / 2 : 0);
        var entries = result.ClaimedEntries;
        if (entries.Length > 0)
        {
            logger.LogWarning("Redelivering {Count} entries of {Key} left pending longer than {Delay}", entries.Length, key, options.RedeliverAfter);
        }

        return entries;
    }

    /// <summary>Acknowledges and deletes entries, so the stream holds only what is not delivered yet.</summary>
    private Task AcknowledgeAndDelete(RedisValue[] ids) =>
        Database.ScriptEvaluateAsync(AcknowledgeAndDeleteScript, [key, pendingKey], [options.ConsumerGroup, .. ids]);
}
