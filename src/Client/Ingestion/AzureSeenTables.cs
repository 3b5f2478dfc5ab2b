using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Loyalty.Client.Azure;

namespace Loyalty.Client.Ingestion;

/// <summary>
/// The tables of the Azure event-id index: one per window-long time bucket, <c>{service}seen{bucket}</c>. An id is
/// written into the current bucket's table and looked up there and in the previous one, so it is known for at least
/// the window and at most twice it; a table two buckets old is deleted whole, which Azure Tables does at no cost per
/// row (it has no expiry of its own).
/// </summary>
internal sealed class AzureSeenTables(LoyaltyAzureStorage storage, string serviceId, TimeSpan window, TimeProvider clock)
{
    private readonly string prefix = AzureNames.Table(serviceId, "seen");
    private readonly long windowMs = (long)window.TotalMilliseconds;
    private readonly ConcurrentDictionary<long, Task<TableClient?>> tables = new();

    public long CurrentBucket => clock.GetUtcNow().ToUnixTimeMilliseconds() / windowMs;

    /// <summary>The current bucket's table, created on first use; older tables are deleted then.</summary>
    public Task<TableClient?> Current() => Cached(CurrentBucket, create: true);

    /// <summary>The previous bucket's table, or null when none was written (a young deployment, or a long pause).</summary>
    public Task<TableClient?> Previous() => Cached(CurrentBucket - 1, create: false);

    /// <summary>A bucket's table as first found; a failed look-up (storage away) is not kept, so the next call tries again.</summary>
    private async Task<TableClient?> Cached(long bucket, bool create)
    {
        var opening = tables.GetOrAdd(bucket, b => Open(b, create));
        try
        {
            return await opening;
        }
        catch
        {
            tables.TryRemove(new KeyValuePair<long, Task<TableClient?>>(bucket, opening));
            throw;
        }
    }

    private async Task<TableClient?> Open(long bucket, bool create)
    {
        var name = prefix + bucket.ToString(CultureInfo.InvariantCulture);
        var table = storage.Tables.GetTableClient(name);
        if (create)
        {
            await table.CreateIfNotExistsAsync();
            _ = DeleteOlderThan(bucket - 1);
            return table;
        }

        await foreach (var _ in storage.Tables.QueryAsync(t => t.Name == name))
        {
            return table;
        }

        return null; // kept: a bucket that is over is written no more
    }

    /// <summary>Best effort: a gateway that fails here leaves the table to the next bucket's turn.</summary>
    private async Task DeleteOlderThan(long keep)
    {
        try
        {
            var upper = prefix + "{"; // after every digit
            await foreach (var table in storage.Tables.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(upper) < 0))
            {
                if (long.TryParse(table.Name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var bucket) && bucket < keep)
                {
                    await storage.Tables.DeleteTableAsync(table.Name);
                    tables.TryRemove(bucket, out var _);
                }
            }
        }
        catch (RequestFailedException)
        {
        }
    }
}
