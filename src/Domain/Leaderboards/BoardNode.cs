namespace Loyalty.Domain;

/// <summary>One member's place in a <see cref="BoardTreap"/>: its score, and the subtree below it.</summary>
internal sealed class BoardNode(string memberId, long score, DateTimeOffset reachedAt, long version, int priority)
{
    public string MemberId { get; } = memberId;

    public long Score { get; } = score;

    public DateTimeOffset ReachedAt { get; } = reachedAt;

    public long Version { get; } = version;

    public int Priority { get; } = priority;

    public BoardNode? Left { get; set; }

    public BoardNode? Right { get; set; }

    public int Size { get; private set; } = 1;

    public void Update() => Size = 1 + BoardTreap.Size(Left) + BoardTreap.Size(Right);

    public RankedEntry ToEntry(int rank) => new(rank, MemberId, Score, ReachedAt);
}
