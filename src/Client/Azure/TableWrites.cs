using Azure;
using Azure.Data.Tables;

namespace Loyalty.Client.Azure;

/// <summary>Writes of many rows of one partition, as Azure Tables takes them: transactions of at most 100 actions.</summary>
public static class TableWrites
{
    public const int ActionsPerTransaction = 100;

    /// <summary>Submits the actions in transactions of <see cref="ActionsPerTransaction"/>, one after another.</summary>
    public static async Task Transact(this TableClient table, IEnumerable<TableTransactionAction> actions)
    {
        foreach (var chunk in actions.Chunk(ActionsPerTransaction))
        {
            await table.SubmitTransactionAsync(chunk);
        }
    }

    /// <summary>True when the write went through; false when the row was gone, there already, or changed meanwhile.</summary>
    public static async Task<bool> IgnoringConflicts(Func<Task> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    /// <summary>The row keys (up to <paramref name="first"/>) of the rows the filter selects; nothing else is read.</summary>
    public static async Task<List<string>> RowKeys(this TableClient table, string filter, int? first = null)
    {
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: first, select: ["RowKey"]))
        {
            keys.Add(row.RowKey);
            if (keys.Count == first)
            {
                break;
            }
        }

        return keys;
    }

    /// <summary>Deletes a row whatever its version, as part of a transaction.</summary>
    public static TableTransactionAction Delete(string partition, string row) =>
        new(TableTransactionActionType.Delete, new TableEntity(partition, row), ETag.All);

    /// <summary>A filter's text with its values quoted as OData wants them.</summary>
    public static string Filter(FormattableString filter) => TableClient.CreateQueryFilter(filter);
}
