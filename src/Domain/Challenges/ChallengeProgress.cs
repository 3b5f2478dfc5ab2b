namespace Loyalty.Domain;

/// <summary>
/// One member's progress in one challenge. Completion is recorded once, at the event time of the purchase that met
/// the goal, and then placed by the challenge (its position among completions, and whether it won).
/// </summary>
public sealed class ChallengeProgress
{
    private readonly List<string> categories;
    private readonly Dictionary<string, long> countedSpend;

    public ChallengeProgress()
        : this(0, 0, [], new StreakState(), [], default, null, null, false)
    {
    }

    private ChallengeProgress(
        long spendMinor, int purchases, IEnumerable<string> categories, StreakState streak, IEnumerable<KeyValuePair<string, long>> countedSpend,
        DateTimeOffset valueChangedAt, DateTimeOffset? completedAt, int? position, bool winner)
    {
        (SpendMinor, Purchases, Streak, ValueChangedAt, CompletedAt, Position, Winner) =
            (spendMinor, purchases, streak, valueChangedAt, completedAt, position, winner);
        this.categories = [.. categories];
        this.countedSpend = new Dictionary<string, long>(countedSpend, StringComparer.Ordinal);
    }

    public static ChallengeProgress Restore(
        long spendMinor, int purchases, IEnumerable<string> categories, StreakState streak, IEnumerable<KeyValuePair<string, long>> countedSpend,
        DateTimeOffset valueChangedAt, DateTimeOffset? completedAt, int? position, bool winner, long engagements = 0) =>
        new(spendMinor, purchases, categories, streak, countedSpend, valueChangedAt, completedAt, position, winner) { Engagements = engagements };

    public long SpendMinor { get; private set; }

    public int Purchases { get; private set; }

    /// <summary>Engagements that counted, for engagement goals.</summary>
    public long Engagements { get; private set; }

    public IReadOnlyList<string> Categories => categories;

    /// <summary>Streak periods with a counting purchase, for streak goals.</summary>
    public StreakState Streak { get; }

    /// <summary>Spend each purchase counted for, so a return of it takes back its share before completion.</summary>
    public IReadOnlyDictionary<string, long> CountedSpend => countedSpend;

    /// <summary>Event time of the newest change of value: ties on the challenge leaderboard go to who got there first.</summary>
    public DateTimeOffset ValueChangedAt { get; private set; }

    /// <summary>Event time of the purchase that met the goal; null while it is not met.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The completion's place among all completions, once the challenge recorded it.</summary>
    public int? Position { get; private set; }

    public bool Winner { get; private set; }

    public bool Placed => Position is not null;

    public long Value(ChallengeGoalKind kind) => kind switch
    {
        ChallengeGoalKind.Spend => SpendMinor,
        ChallengeGoalKind.Purchases => Purchases,
        ChallengeGoalKind.Categories => categories.Count,
        ChallengeGoalKind.Engagement => Engagements,
        _ => Streak.Best,
    };

    /// <summary>An engagement that counts for the challenge.</summary>
    public void AddEngagement(DateTimeOffset at)
    {
        Engagements++;
        ValueChangedAt = at;
    }

    public void Add(string eventId, ChallengeContribution contribution, int streakPeriod, DateTimeOffset at)
    {
        SpendMinor = checked(SpendMinor + contribution.SpendMinor);
        Purchases++;
        foreach (var category in contribution.Categories)
        {
            if (!categories.Contains(category, StringComparer.OrdinalIgnoreCase))
            {
                categories.Add(category);
            }
        }

        Streak.Add(streakPeriod);
        if (contribution.SpendMinor > 0 && CompletedAt is null)
        {
            countedSpend[eventId] = contribution.SpendMinor;
        }

        ValueChangedAt = at;
    }

    /// <summary>
    /// A return of a counted purchase takes back the refunded share of the spend it counted for, until the goal is
    /// met; a completed challenge stays completed. Shares are taken on the running refunded total, like clawbacks, so
    /// partial returns of a whole purchase take back exactly what it counted for.
    /// </summary>
    public void Refund(string originalEventId, long refundMinor, long refundedTotalMinor, long originalAmountMinor, DateTimeOffset at)
    {
        if (CompletedAt is not null || !countedSpend.TryGetValue(originalEventId, out var counted) || originalAmountMinor <= 0)
        {
            return;
        }

        long Share(long refunded) => (long)((Int128)counted * Math.Clamp(refunded, 0, originalAmountMinor) / originalAmountMinor);
        var back = Share(refundedTotalMinor) - Share(refundedTotalMinor - refundMinor);
        SpendMinor -= back;
        ValueChangedAt = at;
    }

    public void Complete(DateTimeOffset at)
    {
        CompletedAt = at;
        countedSpend.Clear();
    }

    /// <summary>The challenge's placement of the completion: its position, and whether it won.</summary>
    public void RecordPlacement(int position, bool winner) => (Position, Winner) = (position, winner);
}
