using Azure.Data.Tables;
using Loyalty.Client.Azure;
using Loyalty.Domain;
using Loyalty.Grains.Leaderboards;

namespace Loyalty.Silo.Storage;

/// <summary>
/// The Azure Storage profile's board store: one table partition per shard, one row per member (score, when it was
/// reached, version), plus a row that holds when the shard may be forgotten. A write upserts only the rows that
/// changed, a hundred per transaction. A shard read after it expired is deleted then; Azure Tables has no expiry
/// of its own.
/// </summary>
public sealed class AzureTableBoardShardStore(Func<Task<TableClient>> table, TimeProvider clock) : IBoardShardStore
{
    /// <summary>Member ids start with a letter or digit, so this key never names a member.</summary>
    private const string KeptUntilRow = "!kept-until";

    public async Task<IReadOnlyList<BoardEntry>> Load(string shardKey)
    {
        var shard = await table();
        var partition = AzureNames.Key(shardKey);
        var entries = new List<BoardEntry>();
        DateTimeOffset? keptUntil = null;
        await foreach (var row in shard.QueryAsync<TableEntity>(TableWrites.Filter($"PartitionKey eq {partition}")))
        {
            if (row.RowKey == KeptUntilRow)
            {
                keptUntil = row.GetDateTimeOffset("Until");
                continue;
            }

            var offset = TimeSpan.FromMinutes(row.GetInt32("Offset") ?? 0);
            var reachedAt = new DateTimeOffset(row.GetInt64("ReachedAt") ?? 0, TimeSpan.Zero).ToOffset(offset);
            entries.Add(new BoardEntry(AzureNames.Unkey(row.RowKey), row.GetInt64("Score") ?? 0, reachedAt, row.GetInt64("Version") ?? 0));
        }

        if (keptUntil <= clock.GetUtcNow())
        {
            await shard.Transact(entries.Select(e => TableWrites.Delete(partition, AzureNames.Key(e.MemberId))).Append(TableWrites.Delete(partition, KeptUntilRow)));
            return [];
        }

        return entries;
    }

    public async Task Save(string shardKey, IReadOnlyCollection<BoardEntry> changed, IReadOnlyCollection<string> removed, DateTimeOffset? keptUntil)
    {
        if (changed.Count == 0 && removed.Count == 0)
        {
            return;
        }

        var shard = await table();
        var partition = AzureNames.Key(shardKey);
        var writes = changed.Select(entry => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, AzureNames.Key(entry.MemberId))
        {
            ["Score"] = entry.Score,
            ["ReachedAt"] = entry.ReachedAt.UtcTicks,
            ["Offset"] = (int)entry.ReachedAt.Offset.TotalMinutes,
            ["Version"] = entry.Version,
        }));
        if (changed.Count > 0 && keptUntil is { } until)
        {
            writes = writes.Append(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, KeptUntilRow) { ["Until"] = until }));
        }

        // Chunks go at once: each row carries its own version, and this shard is their only writer.
        await Task.WhenAll(writes.Chunk(TableWrites.ActionsPerTransaction).Select(chunk => shard.SubmitTransactionAsync(chunk)));
        await Task.WhenAll(removed.Select(member => TableWrites.IgnoringConflicts(() => shard.DeleteEntityAsync(partition, AzureNames.Key(member)))));
    }
}
