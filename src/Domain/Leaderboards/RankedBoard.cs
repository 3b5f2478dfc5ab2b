namespace Loyalty.Domain;

/// <summary>
/// Exact ranking of one board: higher score first; equal scores go to whoever reached them first, then by member id.
/// An order-statistic treap (<see cref="BoardTreap"/>) makes update, rank and k-th lookups O(log n).
/// Updates carry the member's version; one older than what the board holds is ignored.
/// </summary>
public sealed class RankedBoard
{
    private readonly Dictionary<string, BoardNode> byMember = new(StringComparer.Ordinal);
    private readonly Random priorities = new(20_240_601);
    private BoardNode? root;

    public int Count => byMember.Count;

    /// <summary>Sets a member's score. False when the update is not newer than the one held.</summary>
    public bool Set(string memberId, long score, DateTimeOffset reachedAt, long version)
    {
        if (byMember.TryGetValue(memberId, out var held))
        {
            if (version <= held.Version)
            {
                return false;
            }

            root = BoardTreap.Remove(root, held);
        }

        var node = new BoardNode(memberId, score, reachedAt, version, priorities.Next());
        var (left, right) = BoardTreap.Split(root, node);
        root = BoardTreap.Merge(BoardTreap.Merge(left, node), right);
        byMember[memberId] = node;
        return true;
    }

    /// <summary>Takes the member off the board (erasure). False when the board held no score of theirs.</summary>
    public bool Remove(string memberId)
    {
        if (!byMember.Remove(memberId, out var held))
        {
            return false;
        }

        root = BoardTreap.Remove(root, held);
        return true;
    }

    /// <summary>The first <paramref name="n"/> members, best first (fewer if the board is smaller).</summary>
    public IReadOnlyList<RankedEntry> Top(int n) => Range(0, Math.Clamp(n, 0, Count));

    /// <summary>The member with their 1-based rank, or null when they have no score on this board.</summary>
    public RankedEntry? Find(string memberId) =>
        byMember.TryGetValue(memberId, out var node) ? node.ToEntry(BoardTreap.RankOf(root, node)) : null;

    /// <summary>Up to k members above, the member, and up to k below.</summary>
    public IReadOnlyList<RankedEntry> Around(string memberId, int k)
    {
        if (!byMember.TryGetValue(memberId, out var node))
        {
            return [];
        }

        k = Math.Max(0, k);
        var index = BoardTreap.RankOf(root, node) - 1;
        var first = Math.Max(0, index - k);
        return Range(first, Math.Min(Count, index + k + 1) - first);
    }

    /// <summary>Entries from 0-based position <paramref name="first"/> on, ranked within this board.</summary>
    public IReadOnlyList<RankedEntry> Slice(int first, int count)
    {
        first = Math.Clamp(first, 0, Count);
        return Range(first, Math.Clamp(count, 0, Count - first));
    }

    /// <summary>How many entries rank above the given position, which need not be on this board.</summary>
    public int CountAbove(BoardPosition position) => BoardTreap.CountAbove(root, position);

    /// <summary>A member's stored entry, versions included; null when absent.</summary>
    public BoardEntry? Entry(string memberId) =>
        byMember.TryGetValue(memberId, out var node) ? new BoardEntry(node.MemberId, node.Score, node.ReachedAt, node.Version) : null;

    /// <summary>Every entry in rank order, versions included: what a grain stores.</summary>
    public IReadOnlyList<BoardEntry> Export()
    {
        var entries = new List<BoardEntry>(Count);
        BoardTreap.InOrder(root, node => entries.Add(new BoardEntry(node.MemberId, node.Score, node.ReachedAt, node.Version)));
        return entries;
    }

    /// <summary>Rebuilds a board from <see cref="Export"/>; of two entries for one member the newer version wins.</summary>
    public static RankedBoard Import(IEnumerable<BoardEntry> entries)
    {
        var list = entries as IReadOnlyList<BoardEntry> ?? entries.ToList();
        var board = new RankedBoard();
        if (!board.TryBuildInOrder(list))
        {
            foreach (var entry in list)
            {
                board.Set(entry.MemberId, entry.Score, entry.ReachedAt, entry.Version);
            }
        }

        return board;
    }

    /// <summary>
    /// Builds the tree in O(n) from entries already in board order with one entry per member (what
    /// <see cref="Export"/> writes), so a grain holding a million members activates quickly. False, leaving the
    /// board empty, when the entries are not in that shape.
    /// </summary>
    private bool TryBuildInOrder(IReadOnlyList<BoardEntry> entries)
    {
        // The right spine of the tree built so far; each new node is the largest yet, so it joins that spine.
        var spine = new List<BoardNode>();
        BoardNode? previous = null;
        foreach (var entry in entries)
        {
            var node = new BoardNode(entry.MemberId, entry.Score, entry.ReachedAt, entry.Version, priorities.Next());
            if ((previous is not null && BoardTreap.Compare(previous, node) >= 0) || !byMember.TryAdd(entry.MemberId, node))
            {
                byMember.Clear();
                return false;
            }

            BoardNode? lower = null;
            while (spine.Count > 0 && spine[^1].Priority < node.Priority)
            {
                lower = spine[^1];
                spine.RemoveAt(spine.Count - 1);
            }

            node.Left = lower;
            if (spine.Count > 0)
            {
                spine[^1].Right = node;
            }

            spine.Add(node);
            previous = node;
        }

        root = spine.Count > 0 ? spine[0] : null;
        BoardTreap.UpdateSizes(root);
        return true;
    }

    private List<RankedEntry> Range(int first, int count)
    {
        var result = new List<RankedEntry>(Math.Max(0, count));
        for (var i = 0; i < count; i++)
        {
            result.Add(BoardTreap.Select(root, first + i).ToEntry(first + i + 1));
        }

        return result;
    }
}
