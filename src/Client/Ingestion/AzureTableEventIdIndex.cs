using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Loyalty.Client.Azure;

namespace Loyalty.Client.Ingestion;

/// <summary>
/// The Azure Storage profile's event-id index, shared by every gateway: one table row per id, keyed by its
/// fingerprint, in partitions "{program}|{slice}" of window-long bucket tables (<see cref="AzureSeenTables"/>). A
/// claim inserts pending rows a hundred at a time in one transaction per partition (fails only where a row exists,
/// which is then read); a confirmation replaces them with stored rows the same way. <see cref="Slices"/> partitions
/// share a program's ids (<see cref="AzureStorageOptions.DuplicateIndexPartitions"/>), each taking up to Azure's
/// 2,000 entity writes/s, two an id.
/// </summary>
public sealed class AzureTableEventIdIndex : IEventIdIndex
{
    /// <summary>How long a claim blocks other attempts before it may be taken over (a gateway died mid-request).</summary>
    public static readonly TimeSpan PendingFor = TimeSpan.FromMinutes(1);

        private const int RowsPerQuery = 14; // Azure Tables allow 15 comparisons in a filter; one names the partition

    private readonly AzureSeenTables tables;
    private readonly TimeProvider clock;

    public AzureTableEventIdIndex(LoyaltyAzureStorage storage, string serviceId, TimeSpan window, TimeProvider? time = null)
    {
        clock = time ?? TimeProvider.System;
        tables = new AzureSeenTables(storage, serviceId, window, clock);
        Slices = storage.Options.DuplicateIndexPartitions;
    }

    public int Slices { get; }

    public async Task<EventIdClaim[]> Claim(string programId, IReadOnlyList<ulong> ids, string attempt)
    {
        var current = (await tables.Current())!;
        var outcome = new Dictionary<ulong, EventIdClaim>();
        var now = clock.GetUtcNow();
        await ForEachPartition(programId, ids, async (partition, rows) =>
        {
            var answers = await ClaimRows(current, partition, rows, attempt, now);
            lock (outcome)
            {
                foreach (var (row, answer) in answers)
                {
                    outcome[row] = answer;
                }
            }
        });

        // Stored in the previous bucket: marked stored in the current one too, instead of the pending row just added.
        var fresh = outcome.Where(o => o.Value == EventIdClaim.Fresh).Select(o => o.Key).ToList();
        var storedBefore = await StoredIn(await tables.Previous(), programId, fresh);
        foreach (var stored in storedBefore)
        {
            outcome[stored] = EventIdClaim.Stored;
        }

        if (storedBefore.Count > 0)
        {
            await Confirm(programId, storedBefore);
        }

        return [.. ids.Select(id => outcome[id])];
    }

    public async Task Confirm(string programId, IReadOnlyList<ulong> ids)
    {
        var current = (await tables.Current())!;
        await ForEachPartition(programId, ids, (partition, rows) => current.Transact(rows.Select(row => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace, new TableEntity(partition, RowKey(row)) { ["Stored"] = true }))));
    }

    public async Task Release(string programId, IReadOnlyList<ulong> ids, string attempt)
    {
        var current = (await tables.Current())!;
        await ForEachPartition(programId, ids, (partition, rows) => Task.WhenAll(rows.Select(async row =>
        {
            var held = await current.GetEntityIfExistsAsync<TableEntity>(partition, RowKey(row));
            if (held.HasValue && held.Value!.GetString("Attempt") == attempt && held.Value.GetBoolean("Stored") != true)
            {
                await TableWrites.IgnoringConflicts(() => current.DeleteEntityAsync(partition, RowKey(row), held.Value.ETag));
            }
        })));
    }

    public async Task<bool[]> AreStored(string programId, IReadOnlyList<ulong> ids)
    {
        var stored = (await StoredIn(await tables.Current(), programId, ids)).ToHashSet();
        stored.UnionWith(await StoredIn(await tables.Previous(), programId, [.. ids.Where(id => !stored.Contains(id))]));
        return [.. ids.Select(stored.Contains)];
    }

    /// <summary>Inserts pending rows; where one exists already, its row decides (<see cref="Resolve"/>).</summary>
    private async Task<List<(ulong Row, EventIdClaim Answer)>> ClaimRows(TableClient table, string partition, IReadOnlyList<ulong> rows, string attempt, DateTimeOffset now)
    {
        var answers = new List<(ulong, EventIdClaim)>(rows.Count);
        foreach (var chunk in rows.Chunk(TableWrites.ActionsPerTransaction))
        {
            var left = chunk.ToList();
            while (left.Count > 0)
            {
                try
                {
                    await table.SubmitTransactionAsync(left.Select(row => new TableTransactionAction(TableTransactionActionType.Add, Pending(partition, row, attempt, now))));
                    answers.AddRange(left.Select(row => (row, EventIdClaim.Fresh)));
                    break;
                }
                catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex is { } failed)
                {
                    answers.Add((left[failed], await Resolve(table, partition, left[failed], attempt, now)));
                    left.RemoveAt(failed);
                }
            }
        }

        return answers;
    }

    /// <summary>A row exists: stored, this attempt's own, another's live claim (in doubt), or a stale claim taken over.</summary>
    private static async Task<EventIdClaim> Resolve(TableClient table, string partition, ulong row, string attempt, DateTimeOffset now)
    {
        var held = await table.GetEntityIfExistsAsync<TableEntity>(partition, RowKey(row));
        if (!held.HasValue)
        {
            return await TableWrites.IgnoringConflicts(() => table.AddEntityAsync(Pending(partition, row, attempt, now))) ? EventIdClaim.Fresh : EventIdClaim.InDoubt;
        }

        var entity = held.Value!;
        if (entity.GetBoolean("Stored") == true)
        {
            return EventIdClaim.Stored;
        }

        if (entity.GetString("Attempt") == attempt)
        {
            return EventIdClaim.Fresh;
        }

        return entity.GetDateTimeOffset("ClaimedAt") is { } claimed && now - claimed < PendingFor
            ? EventIdClaim.InDoubt
            : await TableWrites.IgnoringConflicts(() => table.UpdateEntityAsync(Pending(partition, row, attempt, now), entity.ETag, TableUpdateMode.Replace))
                ? EventIdClaim.Fresh : EventIdClaim.InDoubt;
    }

    /// <summary>Which of the ids have a stored row in <paramref name="table"/> (none when there is no table).</summary>
    private async Task<List<ulong>> StoredIn(TableClient? table, string programId, IReadOnlyList<ulong> ids)
    {
        var stored = new List<ulong>();
        if (table is null || ids.Count == 0)
        {
            return stored;
        }

        await ForEachPartition(programId, ids, async (partition, rows) =>
        {
            foreach (var chunk in rows.Chunk(RowsPerQuery))
            {
                var filter = $"PartitionKey eq '{partition}' and Stored eq true and ({string.Join(" or ", chunk.Select(row => $"RowKey eq '{RowKey(row)}'"))})";
                await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"]))
                {
                    lock (stored)
                    {
                        stored.Add(ulong.Parse(entity.RowKey, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    }
                }
            }
        });
        return stored;
    }

    private Task ForEachPartition(string programId, IReadOnlyList<ulong> ids, Func<string, IReadOnlyList<ulong>, Task> work) =>
        Task.WhenAll(ids.Distinct().GroupBy(SliceOf).Select(slice =>
            work(string.Create(CultureInfo.InvariantCulture, $"{AzureNames.Key(programId)}|{slice.Key}"), [.. slice])));

    private static TableEntity Pending(string partition, ulong row, string attempt, DateTimeOffset now) =>
        new(partition, RowKey(row)) { ["Attempt"] = attempt, ["ClaimedAt"] = now };

    private static string RowKey(ulong id) => id.ToString("x16", CultureInfo.InvariantCulture);

    private long SliceOf(ulong id) => (long)((id >> 32) * (ulong)Slices >> 32);
}
