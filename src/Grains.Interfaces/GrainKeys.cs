namespace Loyalty.Grains.Interfaces;

/// <summary>
/// Every grain key starts with the program id, so programs never share a grain.
/// Ids are validated at the edge to exclude '/', which keeps these keys unambiguous.
/// </summary>
public static class GrainKeys
{
    public const char Separator = '/';

    public static string Member(string programId, string memberId) => $"{programId}/{memberId}";

    /// <summary>One of a program's member-events partitions; members are spread over them by <c>StableBucket.Of</c>.</summary>
    public static string MemberEventPartition(string programId, int partition) => $"{programId}/{partition}";

    public static string Reward(string programId, string rewardId) => $"{programId}/{rewardId}";

    /// <summary>The ids of a program's rewards: one index per program.</summary>
    public static string RewardCatalogue(string programId) => programId;

    public static string Challenge(string programId, string challengeId) => $"{programId}/{challengeId}";

    public static string ReferralCode(string programId, string code) => $"{programId}/{code}";

    public static string Leaderboard(string programId, string board, string period) => $"{programId}/{board}/{period}";

    /// <summary>One of a program's notification outboxes; members are spread over them by <c>StableBucket.Of</c>.</summary>
    public static string NotificationOutbox(string programId, int slice) => $"{programId}/{slice}";

    /// <summary>One of a program's due-work slices; members are spread over them by <c>StableBucket.Of</c>.</summary>
    public static string DueWork(string programId, int slice) => $"{programId}/{slice}";

    /// <summary>One of a program's KPI slices; members are spread over them by <c>StableBucket.Of</c>.</summary>
    public static string KpiSlice(string programId, int slice) => $"{programId}/{slice}";

    public static string LeaderboardShard(string boardKey, int shard) => $"{boardKey}/{shard}";

    /// <summary>The parts of a <see cref="LeaderboardShard"/> key.</summary>
    public static (string ProgramId, string Board, string Period, int Shard) SplitLeaderboardShard(string key)
    {
        var parts = key.Split(Separator);
        return (parts[0], parts[1], parts[2], int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    public static (string ProgramId, string Remainder) SplitProgram(string key)
    {
        var slash = key.IndexOf(Separator);
        return slash < 0 ? (key, "") : (key[..slash], key[(slash + 1)..]);
    }
}
