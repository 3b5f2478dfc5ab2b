namespace Loyalty.Domain;

/// <summary>
/// Exact ranking of one board: higher score first; equal scores go to whoever reached them first, then by member id.
/// An order-statistic treap (each node knows its subtree size) makes update, rank and k-th lookups O(log n).
/// Updates carry the member's version; one older than what the board holds is ignored.
/// </summary>
public sealed class RankedBoard
{
    private readonly Dictionary<string, Node> byMember = new(StringComparer.Ordinal);
    private readonly Random priorities = new(20_240_601);
    private Node? root;

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

            root = Remove(root, held);
        }

        var node = new Node(memberId, score, reachedAt, version, priorities.Next());
        var (left, right) = Split(root, node);
        root = Merge(Merge(left, node), right);
        byMember[memberId] = node;
        return true;
    }

    /// <summary>The first <paramref name="n"/> members, best first (fewer if the board is smaller).</summary>
    public IReadOnlyList<RankedEntry> Top(int n) => Range(0, Math.Clamp(n, 0, Count));

    /// <summary>The member with their 1-based rank, or null when they have no score on this board.</summary>
    public RankedEntry? Find(string memberId) =>
        byMember.TryGetValue(memberId, out var node) ? node.ToEntry(RankOf(node)) : null;

    /// <summary>Up to k members above, the member, and up to k below.</summary>
    public IReadOnlyList<RankedEntry> Around(string memberId, int k)
    {
        if (!byMember.TryGetValue(memberId, out var node))
        {
            return [];
        }

        k = Math.Max(0, k);
        var index = RankOf(node) - 1;
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
    public int CountAbove(BoardPosition position)
    {
        var above = 0;
        var node = root;
        while (node is not null)
        {
            if (Compare(node.Score, node.ReachedAt, node.MemberId, position) < 0)
            {
                above += Size(node.Left) + 1;
                node = node.Right;
            }
            else
            {
                node = node.Left;
            }
        }

        return above;
    }

    /// <summary>A member's stored entry, versions included; null when absent.</summary>
    public BoardEntry? Entry(string memberId) =>
        byMember.TryGetValue(memberId, out var node) ? new BoardEntry(node.MemberId, node.Score, node.ReachedAt, node.Version) : null;

    /// <summary>Every entry in rank order, versions included: what a grain stores.</summary>
    public IReadOnlyList<BoardEntry> Export()
    {
        var entries = new List<BoardEntry>(Count);
        InOrder(root, node => entries.Add(new BoardEntry(node.MemberId, node.Score, node.ReachedAt, node.Version)));
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
        var spine = new List<Node>();
        Node? previous = null;
        foreach (var entry in entries)
        {
            var node = new Node(entry.MemberId, entry.Score, entry.ReachedAt, entry.Version, priorities.Next());
            if ((previous is not null && Compare(previous, node) >= 0) || !byMember.TryAdd(entry.MemberId, node))
            {
                byMember.Clear();
                return false;
            }

            Node? lower = null;
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
        UpdateSizes(root);
        return true;
    }

    private static void UpdateSizes(Node? node)
    {
        if (node is not null)
        {
            UpdateSizes(node.Left);
            UpdateSizes(node.Right);
            node.Update();
        }
    }

    private List<RankedEntry> Range(int first, int count)
    {
        var result = new List<RankedEntry>(Math.Max(0, count));
        for (var i = 0; i < count; i++)
        {
            result.Add(Select(first + i).ToEntry(first + i + 1));
        }

        return result;
    }

    private int RankOf(Node target)
    {
        var rank = 1;
        var node = root;
        while (node is not null)
        {
            var order = Compare(target, node);
            if (order == 0)
            {
                return rank + Size(node.Left);
            }

            if (order < 0)
            {
                node = node.Left;
            }
            else
            {
                rank += Size(node.Left) + 1;
                node = node.Right;
            }
        }

        throw new InvalidOperationException("The member is indexed but not in the tree.");
    }

    private Node Select(int index)
    {
        var node = root;
        while (node is not null)
        {
            var leftSize = Size(node.Left);
            if (index < leftSize)
            {
                node = node.Left;
            }
            else if (index == leftSize)
            {
                return node;
            }
            else
            {
                index -= leftSize + 1;
                node = node.Right;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }

    /// <summary>Splits into the nodes ordered before <paramref name="key"/> and the rest.</summary>
    private static (Node? Before, Node? After) Split(Node? node, Node key)
    {
        if (node is null)
        {
            return (null, null);
        }

        if (Compare(node, key) < 0)
        {
            var (before, rest) = Split(node.Right, key);
            node.Right = before;
            node.Update();
            return (node, rest);
        }
        else
        {
            var (before, rest) = Split(node.Left, key);
            node.Left = rest;
            node.Update();
            return (before, node);
        }
    }

    private static Node? Merge(Node? left, Node? right)
    {
        if (left is null || right is null)
        {
            return left ?? right;
        }

        if (left.Priority > right.Priority)
        {
            left.Right = Merge(left.Right, right);
            left.Update();
            return left;
        }

        right.Left = Merge(left, right.Left);
        right.Update();
        return right;
    }

    private static Node? Remove(Node? node, Node target)
    {
        if (node is null)
        {
            return null;
        }

        if (ReferenceEquals(node, target))
        {
            return Merge(node.Left, node.Right);
        }

        if (Compare(target, node) < 0)
        {
            node.Left = Remove(node.Left, target);
        }
        else
        {
            node.Right = Remove(node.Right, target);
        }

        node.Update();
        return node;
    }

    private static void InOrder(Node? node, Action<Node> visit)
    {
        var stack = new Stack<Node>();
        while (node is not null || stack.Count > 0)
        {
            while (node is not null)
            {
                stack.Push(node);
                node = node.Left;
            }

            node = stack.Pop();
            visit(node);
            node = node.Right;
        }
    }

    private static int Compare(Node a, Node b) => Compare(a.Score, a.ReachedAt, a.MemberId, new BoardPosition(b.MemberId, b.Score, b.ReachedAt));

    private static int Compare(long score, DateTimeOffset reachedAt, string memberId, BoardPosition b) =>
        BoardPosition.Compare(new BoardPosition(memberId, score, reachedAt), b);

    private static int Size(Node? node) => node?.Size ?? 0;

    private sealed class Node(string memberId, long score, DateTimeOffset reachedAt, long version, int priority)
    {
        public string MemberId { get; } = memberId;

        public long Score { get; } = score;

        public DateTimeOffset ReachedAt { get; } = reachedAt;

        public long Version { get; } = version;

        public int Priority { get; } = priority;

        public Node? Left { get; set; }

        public Node? Right { get; set; }

        public int Size { get; private set; } = 1;

        public void Update() => Size = 1 + RankedBoard.Size(Left) + RankedBoard.Size(Right);

        public RankedEntry ToEntry(int rank) => new(rank, MemberId, Score, ReachedAt);
    }
}
