namespace Loyalty.Domain;

/// <summary>
/// Items in the order they were added, at most one per key, kept bounded by dropping the oldest: by count, or while
/// they are stale. Backed by the list it is given, so a stored list stays the stored form; lookups by key are O(1)
/// through an index built on first use (a member that only writes never pays for it).
/// </summary>
public sealed class RecentSet<TKey, TItem>(List<TItem> items, Func<TItem, TKey> keyOf, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private HashSet<TKey>? index;

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<TItem> Items => items;

    public bool Contains(TKey key) => Index.Contains(key);

    /// <summary>Adds the item unless its key is held; false when it was.</summary>
    public bool Add(TItem item)
    {
        if (!Index.Add(keyOf(item)))
        {
            return false;
        }

        items.Add(item);
        return true;
    }

    /// <summary>Drops the oldest items while more than <paramref name="capacity"/> are held or the oldest is <paramref name="stale"/>.</summary>
    /// <returns>How many were dropped.</returns>
    public int DropOldest(int capacity, Func<TItem, bool>? stale = null)
    {
        var drop = 0;
        while (drop < items.Count && (items.Count - drop > capacity || stale?.Invoke(items[drop]) == true))
        {
            Index.Remove(keyOf(items[drop++]));
        }

        items.RemoveRange(0, drop);
        return drop;
    }

    /// <summary>Drops every item that matches, wherever it stands; answers how many.</summary>
    public int RemoveWhere(Func<TItem, bool> match)
    {
        var removed = items.RemoveAll(item => match(item));
        if (removed > 0)
        {
            index = null;
        }

        return removed;
    }

    private HashSet<TKey> Index => index ??= new HashSet<TKey>(items.Select(keyOf), comparer);
}
