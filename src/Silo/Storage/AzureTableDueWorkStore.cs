using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Loyalty.Client.Azure;
using Loyalty.Grains.Scheduling;

namespace Loyalty.Silo.Storage;

/// <summary>
/// The Azure Storage profile's due times: a table partition per program slice holding, for each member, a row with
/// its due time ("m|{member}") and an index row "d|{due ms}|{member}", so the partition lists the due members in time
/// order. Both change in one transaction; a setter checks the member row's version and a taker the index row's, so a
/// member set while it is taken ends as the setter said and is not taken.
/// </summary>
public sealed class AzureTableDueWorkStore(Func<Task<TableClient>> table) : IDueWorkStore
{
    private const int Attempts = 8;

    public async Task Set(string programId, int slice, string memberId, DateTimeOffset? dueAt)
    {
        var due = await table();
        var partition = Partition(programId, slice);
        for (var attempt = 1; ; attempt++)
        {
            var held = await due.GetEntityIfExistsAsync<TableEntity>(partition, MemberRow(memberId));
            var old = held.HasValue ? held.Value!.GetInt64("Due") : null;
            var next = dueAt?.ToUnixTimeMilliseconds();
            if (old == next)
            {
                return;
            }

            var actions = new List<TableTransactionAction>();
            if (old is { } previous)
            {
                actions.Add(TableWrites.Delete(partition, IndexRow(previous, memberId)));
            }

            var member = new TableEntity(partition, MemberRow(memberId)) { ["Due"] = next };
            if (next is { } time)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, IndexRow(time, memberId))));
                actions.Add(held.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, member, held.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, member));
            }
            else
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, member, held.Value!.ETag));
            }

            try
            {
                await due.SubmitTransactionAsync(actions);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412 && attempt < Attempts)
            {
                // Taken or set meanwhile: read again.
            }
        }
    }

    public async Task<IReadOnlyList<string>> TakeDue(string programId, int slice, DateTimeOffset now, int max, TimeSpan lease)
    {
        var due = await table();
        var partition = Partition(programId, slice);
        var until = IndexRow(now.ToUnixTimeMilliseconds(), "~"); // '~' sorts after every member id's first character
        var rows = new List<TableEntity>();
        await foreach (var row in due.QueryAsync<TableEntity>(TableWrites.Filter($"PartitionKey eq {partition} and RowKey ge {"d|"} and RowKey le {until}"),
            maxPerPage: Math.Min(max, 1_000), select: ["RowKey"]))
        {
            rows.Add(row);
            if (rows.Count == max)
            {
                break;
            }
        }

        var next = (now + lease).ToUnixTimeMilliseconds();
        var taken = await Task.WhenAll(rows.Select(async row =>
        {
            var memberId = AzureNames.Unkey(row.RowKey[(row.RowKey.IndexOf('|', 2) + 1)..]);
            try
            {
                await due.SubmitTransactionAsync([
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, row.RowKey), row.ETag),
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, IndexRow(next, memberId))),
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, MemberRow(memberId)) { ["Due"] = next }),
                ]);
                return memberId;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
            {
                return null; // set or taken meanwhile: the other write stands
            }
        }));
        return [.. taken.OfType<string>()];
    }

    public async Task<DateTimeOffset?> Get(string programId, int slice, string memberId)
    {
        var held = await (await table()).GetEntityIfExistsAsync<TableEntity>(Partition(programId, slice), MemberRow(memberId));
        return held.HasValue && held.Value!.GetInt64("Due") is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    private static string Partition(string programId, int slice) => string.Create(CultureInfo.InvariantCulture, $"{AzureNames.Key(programId)}|{slice}");

    private static string MemberRow(string memberId) => "m|" + AzureNames.Key(memberId);

    private static string IndexRow(long dueMs, string memberId) =>
        string.Create(CultureInfo.InvariantCulture, $"d|{dueMs:D19}|{AzureNames.Key(memberId)}");
}
