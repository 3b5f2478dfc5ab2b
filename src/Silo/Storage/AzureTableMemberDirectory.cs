using System.Collections.Immutable;
using Azure;
using Azure.Data.Tables;
using Loyalty.Client.Azure;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Members;

namespace Loyalty.Silo.Storage;

/// <summary>
/// The Azure Storage profile's member directory: a row per member, spread over <see cref="Buckets"/> partitions per
/// program so listing writes stay far below a partition's limit; a page reads the next rows of every bucket and merges
/// them in key order. A write checks the row's version (ETag) and tries again when another write came first.
/// </summary>
public sealed class AzureTableMemberDirectory(Func<Task<TableClient>> table) : IMemberDirectory
{
    /// <summary>Partitions per program: each takes about 2,000 writes a second.</summary>
    public const int Buckets = 16;

    private const int Attempts = 8;

    public async Task Upsert(string programId, MemberSummary summary)
    {
        var members = await table();
        var (partition, row) = (Partition(programId, summary.MemberId), AzureNames.Key(summary.MemberId));
        for (var attempt = 1; ; attempt++)
        {
            var held = await members.GetEntityIfExistsAsync<TableEntity>(partition, row);
            var next = Entity(partition, row, held.HasValue ? Decode(held.Value!).Merge(summary) : summary);
            try
            {
                await (held.HasValue
                    ? members.UpdateEntityAsync(next, held.Value!.ETag, TableUpdateMode.Replace)
                    : members.AddEntityAsync(next));
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < Attempts)
            {
                // Another write came first: read again.
            }
        }
    }

    public async Task Remove(string programId, string memberId)
    {
        var members = await table();
        await TableWrites.IgnoringConflicts(() => members.DeleteEntityAsync(Partition(programId, memberId), AzureNames.Key(memberId)));
    }

    public async Task<MemberSummaryPage> Page(string programId, MemberListQuery query)
    {
        var members = await table();
        var filter = RowFilter(query);
        var buckets = await Task.WhenAll(Enumerable.Range(0, Buckets).Select(async bucket =>
        {
            var rows = new List<TableEntity>();
            var partition = $"{AzureNames.Key(programId)}|{bucket}";
            await foreach (var row in members.QueryAsync<TableEntity>($"{TableWrites.Filter($"PartitionKey eq {partition}")}{filter}", maxPerPage: query.Limit + 1))
            {
                rows.Add(row);
                if (rows.Count > query.Limit)
                {
                    break;
                }
            }

            return rows;
        }));

        var merged = buckets.SelectMany(rows => rows).OrderBy(row => row.RowKey, StringComparer.Ordinal).Take(query.Limit + 1).ToList();
        var items = merged.Take(query.Limit).Select(Decode).ToImmutableArray();
        return new MemberSummaryPage(items, merged.Count > query.Limit ? items[^1].MemberId : null);
    }

    /// <summary>What a page selects beyond its partition: after the cursor, within the prefix, of the tier.</summary>
    private static string RowFilter(MemberListQuery query)
    {
        var prefix = query.Prefix ?? "";
        var from = query.After is { } after && string.CompareOrdinal(after, prefix) >= 0
            ? TableWrites.Filter($" and RowKey gt {AzureNames.Key(after)}")
            : prefix.Length > 0 ? TableWrites.Filter($" and RowKey ge {AzureNames.Key(prefix)}") : "";
        var to = prefix.Length > 0 ? TableWrites.Filter($" and RowKey lt {AzureNames.Key(prefix) + char.MaxValue}") : "";
        var tier = query.Tier is { } name ? TableWrites.Filter($" and Tier eq {name}") : "";
        return from + to + tier;
    }

    private static string Partition(string programId, string memberId) => $"{AzureNames.Key(programId)}|{StableBucket.Of(memberId, Buckets)}";

    private static TableEntity Entity(string partition, string row, MemberSummary summary) => new(partition, row)
    {
        ["Tier"] = summary.Tier,
        ["Available"] = summary.Available,
        ["LastEventAt"] = summary.LastEventAt,
        ["Version"] = summary.Version,
    };

    private static MemberSummary Decode(TableEntity row) => new(
        AzureNames.Unkey(row.RowKey), row.GetString("Tier"), row.GetInt64("Available") ?? 0, row.GetDateTimeOffset("LastEventAt"), row.GetInt64("Version") ?? 0);
}
