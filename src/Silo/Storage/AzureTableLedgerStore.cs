using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Loyalty.Client.Azure;
using Loyalty.Domain;
using Loyalty.Grains.Members;

namespace Loyalty.Silo.Storage;

/// <summary>
/// The Azure Storage profile's ledger store: one table partition per member ("{program}|{member}"), one row per
/// entry keyed by its sequence inverted (newest first), and a head row holding the stored count. An append is one
/// transaction of that partition, entries and head together, so a count never names entries that are not there;
/// rows a failed turn left past the head are never read, and the next append writes over them. The oldest are
/// dropped in steps of an eighth of what is kept, the one time an append reads first.
/// </summary>
public sealed class AzureTableLedgerStore(Func<Task<TableClient>> table) : ILedgerStore
{
    private const string EntryProperty = "Entry";
    private const string StoredProperty = "Stored";

    /// <summary>Sorts before every entry row (digits), so a range of entries never includes it.</summary>
    private const string HeadRow = "!head";

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
        var step = keepNewest is { } kept ? Math.Max(1, kept / 8) : long.MaxValue;
        var dropping = keepFrom > 1 && (entries[0].Sequence - 1) / step != last / step
            ? await ledger.RowKeys(TableWrites.Filter($"PartitionKey eq {partition} and RowKey gt {Row(keepFrom)}"))
            : [];

        var writes = entries.Where(e => e.Sequence >= keepFrom).Select(entry => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(partition, Row(entry.Sequence)) { [EntryProperty] = JsonSerializer.Serialize(entry, LedgerJson.Options) }));
        await ledger.Transact(writes.Append(new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(partition, HeadRow) { [StoredProperty] = last })));
        await ledger.Transact(dropping.Select(row => TableWrites.Delete(partition, row)));
    }

    public async Task<StoredLedger> Read(string programId, string memberId, long throughSequence, int limit)
    {
        var ledger = await table();
        var partition = Partition(programId, memberId);
        var head = await ledger.GetEntityIfExistsAsync<TableEntity>(partition, HeadRow);
        var stored = head.HasValue ? head.Value!.GetInt64(StoredProperty) ?? 0 : 0;
        var through = Math.Min(throughSequence, stored);
        var entries = new List<LedgerEntry>();
        if (through >= 1 && limit >= 1)
        {
            await foreach (var row in ledger.QueryAsync<TableEntity>(TableWrites.Filter($"PartitionKey eq {partition} and RowKey ge {Row(through)}"),
                maxPerPage: Math.Min(limit, 1_000)))
            {
                entries.Add(JsonSerializer.Deserialize<LedgerEntry>(row.GetString(EntryProperty), LedgerJson.Options)!);
                if (entries.Count == limit)
                {
                    break;
                }
            }
        }

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
}
