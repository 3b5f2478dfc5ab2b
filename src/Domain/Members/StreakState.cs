namespace Loyalty.Domain;

/// <summary>
/// Consecutive days or ISO weeks with a purchase, from the set of active periods, so a late event that fills a gap
/// joins the two runs it sits between. With freeze tokens (<see cref="StreakFreezes"/>), a run earns a token at every
/// <c>earnEvery</c> periods of its length, holding at most <c>maxHeld</c>, and one missed period between two active
/// ones is bridged by spending a token: the run goes on, the missed period adds nothing to its length. Everything is
/// derived from the active periods in ascending order, so arrival order never changes the result.
/// </summary>
public sealed class StreakState
{
    private const int KeptPeriods = 5_000;

    private readonly List<int> periods;

    public StreakState()
        : this([], 0, 0, 0, 0)
    {
    }

    private StreakState(List<int> periods, int best, int bestTrimmed, int freezeTokens, int lastRun)
    {
        this.periods = periods;
        (Best, BestTrimmed, FreezeTokens, LastRun) = (best, bestTrimmed, freezeTokens, lastRun);
    }

    public static StreakState Restore(IEnumerable<int> periods, int best, int bestTrimmed, int freezeTokens, int lastRun) =>
        new([.. periods], best, bestTrimmed, freezeTokens, lastRun);

    /// <summary>Active period numbers (see <see cref="ProgramCalendar.PeriodNumber"/>), ascending, unique.</summary>
    public IReadOnlyList<int> Periods => periods;

    public int Best { get; private set; }

    /// <summary>The best run among periods trimmed away for age, which the kept periods no longer show.</summary>
    public int BestTrimmed { get; private set; }

    /// <summary>Freeze tokens held after the latest active period.</summary>
    public int FreezeTokens { get; private set; }

    /// <summary>Length of the run that ends at the latest active period.</summary>
    public int LastRun { get; private set; }

    /// <summary>Marks a period active. True if it was not already.</summary>
    public bool Add(int period, StreakFreezes? freezes = null)
    {
        var at = periods.BinarySearch(period);
        if (at >= 0)
        {
            return false;
        }

        periods.Insert(~at, period);
        if (periods.Count > KeptPeriods)
        {
            BestTrimmed = Math.Max(BestTrimmed, Best);
            periods.RemoveRange(0, periods.Count - KeptPeriods);
        }

        Recount(freezes);
        return true;
    }

    /// <summary>
    /// The run that ends at the latest active period, while it is alive: that period is <paramref name="nowPeriod"/>
    /// or the one before, or the one before that while a token is held to bridge the missed period.
    /// </summary>
    public int Current(int nowPeriod)
    {
        if (periods.Count == 0)
        {
            return 0;
        }

        var gap = nowPeriod - periods[^1];
        return gap <= 1 || (gap == 2 && FreezeTokens > 0) ? (LastRun > 0 ? LastRun : TrailingRun()) : 0;
    }

    /// <summary>The plain run at the end, for state stored before runs were counted with freezes.</summary>
    private int TrailingRun()
    {
        var length = 1;
        for (var i = periods.Count - 1; i > 0 && periods[i - 1] == periods[i] - 1; i--)
        {
            length++;
        }

        return length;
    }

    private void Recount(StreakFreezes? freezes)
    {
        int run = 0, tokens = 0, best = 0;
        for (var i = 0; i < periods.Count; i++)
        {
            var gap = i == 0 ? int.MaxValue : periods[i] - periods[i - 1];
            if (gap == 1)
            {
                run++;
            }
            else if (gap == 2 && tokens > 0)
            {
                tokens--;
                run++;
            }
            else
            {
                run = 1;
            }

            if (freezes is not null && run % freezes.EarnEvery == 0)
            {
                tokens = Math.Min(tokens + 1, freezes.MaxHeld);
            }

            best = Math.Max(best, run);
        }

        // Derived from the kept periods alone, so it is the same in any arrival order (a late period may even
        // shorten a run, by making a token go to an earlier gap).
        Best = Math.Max(BestTrimmed, best);
        LastRun = run;
        FreezeTokens = tokens;
    }
}

/// <summary>Freeze tokens: one earned at every <see cref="EarnEvery"/> periods of a run, at most <see cref="MaxHeld"/> held.</summary>
public sealed record StreakFreezes(int EarnEvery, int MaxHeld);
