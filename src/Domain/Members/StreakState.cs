namespace Loyalty.Domain;

/// <summary>
/// Consecutive days or ISO weeks with a purchase, from the set of active periods, so a late event that fills a gap
/// joins the two runs it sits between.
/// </summary>
public sealed class StreakState
{
    private const int KeptPeriods = 5_000;

    /// <summary>Active period numbers (see <see cref="ProgramCalendar.PeriodNumber"/>), ascending, unique.</summary>
    public List<int> Periods { get; set; } = [];

    public int Best { get; set; }

    /// <summary>Marks a period active. True if it was not already.</summary>
    public bool Add(int period)
    {
        var at = Periods.BinarySearch(period);
        if (at >= 0)
        {
            return false;
        }

        at = ~at;
        Periods.Insert(at, period);
        Best = Math.Max(Best, RunLength(at));
        if (Periods.Count > KeptPeriods)
        {
            Periods.RemoveRange(0, Periods.Count - KeptPeriods);
        }

        return true;
    }

    /// <summary>The run that ends at the latest active period, if that period is <paramref name="nowPeriod"/> or the one before.</summary>
    public int Current(int nowPeriod)
    {
        if (Periods.Count == 0 || Periods[^1] < nowPeriod - 1)
        {
            return 0;
        }

        var length = 1;
        for (var i = Periods.Count - 1; i > 0 && Periods[i - 1] == Periods[i] - 1; i--)
        {
            length++;
        }

        return length;
    }

    private int RunLength(int index)
    {
        var start = index;
        while (start > 0 && Periods[start - 1] == Periods[start] - 1)
        {
            start--;
        }

        var end = index;
        while (end < Periods.Count - 1 && Periods[end + 1] == Periods[end] + 1)
        {
            end++;
        }

        return end - start + 1;
    }
}
