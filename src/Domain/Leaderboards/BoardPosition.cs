namespace Loyalty.Domain;

/// <summary>Where a member sits in board order, whichever shard holds them.</summary>
public readonly record struct BoardPosition(string MemberId, long Score, DateTimeOffset ReachedAt)
{
    /// <summary>Board order: higher score first, then whoever reached it earlier, then member id.</summary>
    public static int Compare(BoardPosition a, BoardPosition b)
    {
        var order = b.Score.CompareTo(a.Score);
        if (order == 0)
        {
            order = a.ReachedAt.CompareTo(b.ReachedAt);
        }

        return order != 0 ? order : string.CompareOrdinal(a.MemberId, b.MemberId);
    }

    public static BoardPosition Of(RankedEntry entry) => new(entry.MemberId, entry.Score, entry.ReachedAt);
}
