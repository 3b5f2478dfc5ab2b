namespace Loyalty.Domain;

/// <summary>Keeps a member's records by id bounded: by how long ago they last changed, and by count.</summary>
public static class RetainedById
{
    /// <summary>
    /// Drops records that last changed before <paramref name="keepSince"/>, then the earliest made beyond
    /// <paramref name="maxKept"/> − 1, to make room for one more.
    /// </summary>
    public static void MakeRoomForOne<T>(
        Dictionary<string, T> byId, Func<T, DateTimeOffset> madeAt, Func<T, DateTimeOffset> lastChange, DateTimeOffset keepSince, int maxKept)
    {
        List<string> old = [.. byId.Where(r => lastChange(r.Value) < keepSince).Select(r => r.Key)];
        foreach (var id in old)
        {
            byId.Remove(id);
        }

        if (byId.Count >= maxKept)
        {
            var oldest = byId.OrderBy(r => madeAt(r.Value)).ThenBy(r => r.Key, StringComparer.Ordinal).Take(byId.Count - maxKept + 1).ToList();
            foreach (var (id, _) in oldest)
            {
                byId.Remove(id);
            }
        }
    }
}
