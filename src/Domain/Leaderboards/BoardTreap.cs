namespace Loyalty.Domain;

/// <summary>
/// The order-statistic treap under <see cref="RankedBoard"/>: nodes in board order, heap-ordered by a random
/// priority so the tree stays O(log n) deep, each knowing its subtree size so ranks and k-th lookups are O(log n).
/// </summary>
internal static class BoardTreap
{
    /// <summary>How many entries rank above the given position, which need not be on this board.</summary>
    public static int CountAbove(BoardNode? root, BoardPosition position)
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

    /// <summary>Sets every subtree size of a tree built without them.</summary>
    public static void UpdateSizes(BoardNode? node)
    {
        if (node is not null)
        {
            UpdateSizes(node.Left);
            UpdateSizes(node.Right);
            node.Update();
        }
    }

    /// <summary>The 1-based rank of a node in the tree.</summary>
    public static int RankOf(BoardNode? root, BoardNode target)
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

    /// <summary>The node at 0-based position <paramref name="index"/>.</summary>
    public static BoardNode Select(BoardNode? root, int index)
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
    public static (BoardNode? Before, BoardNode? After) Split(BoardNode? node, BoardNode key)
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

    /// <summary>Joins two trees whose nodes are all ordered before those of the second.</summary>
    public static BoardNode? Merge(BoardNode? left, BoardNode? right)
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

    /// <summary>The tree without <paramref name="target"/>, which it holds.</summary>
    public static BoardNode? Remove(BoardNode? node, BoardNode target)
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

    /// <summary>Visits the nodes in board order.</summary>
    public static void InOrder(BoardNode? node, Action<BoardNode> visit)
    {
        var stack = new Stack<BoardNode>();
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

    public static int Compare(BoardNode a, BoardNode b) => Compare(a.Score, a.ReachedAt, a.MemberId, new BoardPosition(b.MemberId, b.Score, b.ReachedAt));

    public static int Compare(long score, DateTimeOffset reachedAt, string memberId, BoardPosition b) =>
        BoardPosition.Compare(new BoardPosition(memberId, score, reachedAt), b);

    public static int Size(BoardNode? node) => node?.Size ?? 0;
}
