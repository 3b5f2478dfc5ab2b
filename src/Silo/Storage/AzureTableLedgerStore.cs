using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Loyalty.Client.Azure;
using Loyalty.Domain;
using Loyalty.Grains.Members;

namespace Loyalty.Silo.Storage;

/// <summary>
/// The Azure Storage profile's ledger store: one table partition per member ("{program}|{member}"), one row per
/// entry keyed by its sequence inverted, so a partition lists newest first and its first row is the stored count.
/// An append is one transaction per hundred rows of that partition: rows a failed turn left past the new entries
/// are deleted first, then the entries written, then all but the newest kept dropped.
/// </summary>
public sealed class AzureTableLedgerStore(Func<Task<TableClient>> table) : ILedgerStore
{
    private const string EntryProperty = "Entry";

    public async Task Append(string programId, string memberId, IReadOnlyList<LedgerEntry> entries, int? keepNewest)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var ledger = await table();
        var partition = Partition(programId, memberId);
        var last = entries[^1].Sequence;
        var keepFrom = keepNewest is { } keep ? Math.Max(1, last - keep + 1) : 1;
        var beyond = ledger.RowKeys(TableWrites.Filter($"PartitionKey eq {partition} and RowKey lt {Row(last)}"));
        var dropped = keepFrom == 1
            ? Task.FromResult(new List<string>())
            : ledger.RowKeys(TableWrites.Filter($"PartitionKey eq {partition} and RowKey gt {Row(keepFrom)}"));

        await ledger.Transact((await beyond).Select(row => TableWrites.Delete(partition, row)));
        await ledger.Transact(entries.Where(e => e.Sequence >= keepFrom).Select(entry => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(partition, Row(entry.Sequence)) { [EntryProperty] = JsonSerializer.Serialize(entry, LedgerJson.Options) })));
        await ledger.Transact((await dropped).Select(row => TableWrites.Delete(partition, row)));
    }

    public async Task<StoredLedger> Read(string programId, string memberId, long throughSequence, int limit)
    {
        var ledger = await table();
        var partition = Partition(programId, memberId);
        var newest = ledger.RowKeys(TableWrites.Filter($"PartitionKey eq {partition}"), first: 1);
        var entries = new List<LedgerEntry>();
        if (throughSequence >= 1 && limit >= 1)
        {
            await foreach (var row in ledger.QueryAsync<TableEntity>(TableWrites.Filter($"PartitionKey eq {partition} and RowKey ge {Row(throughSequence)}"),
                maxPerPage: Math.Min(limit, 1_000)))
            {
                entries.Add(JsonSerializer.Deserialize<LedgerEntry>(row.GetString(EntryProperty), LedgerJson.Options)!);
                if (entries.Count == limit)
                {
                    break;
                }
            }
        }

        var stored = (await newest) is [var head] ? Sequence(head) : 0;
        return new StoredLedger(stored, entries);
    }

    public async Task Erase(string programId, string memberId)
    {
        var ledger = await table();
        var partition = Partition(programId, memberId);
        await ledger.Transact((await ledger.RowKeys(TableWrites.Filter($"PartitionKey eq {partition}"))).Select(row => TableWrites.Delete(partition, row)));
    }

    private static string Partition(string programId, string memberId) => $"{AzureNames.Key(programId)}|{AzureNames.Key(memberId)}";

    /// <summary>Newest first in the partition's order: long.MaxValue − sequence, 19 digits.</summary>
    private static string Row(long sequence) => (long.MaxValue - sequence).ToString("D19", CultureInfo.InvariantCulture);

    private static long Sequence(string row) => long.MaxValue - long.Parse(row, CultureInfo.InvariantCulture);
}
