using System.Runtime.CompilerServices;

namespace Loyalty.Domain;

/// <summary>What a member adds to its program's totals; every count is a plain sum over members.</summary>
public enum KpiCount
{
    /// <summary>1 for a member with at least one event.</summary>
    Members,

    /// <summary>1 for a member with at least one purchase.</summary>
    Purchasers,

    /// <summary>1 for a member with two or more purchases.</summary>
    RepeatPurchasers,
    Purchases,
    Returns,

    /// <summary>What purchases were worth when made, returns not taken off.</summary>
    GrossSpendMinor,

    /// <summary>Purchases minus returns.</summary>
    NetSpendMinor,
    PointsIssued,
    PointsClawedBack,

    /// <summary>Redeemed, less what cancelled redemptions gave back.</summary>
    PointsRedeemed,
    PointsExpired,

    /// <summary>Points added (or taken, when negative) by hand.</summary>
    PointsAdjusted,

    /// <summary>Available plus pending.</summary>
    PointsOutstanding,
    Engagements,

    /// <summary>Every survey answer, of every kind.</summary>
    SurveyAnswers,

    /// <summary>1 for a member who answered the NPS survey; the rest count members by their newest answer.</summary>
    NpsResponses,

    /// <summary>Newest NPS answer 9 or 10.</summary>
    NpsPromoters,

    /// <summary>Newest NPS answer 0 to 6.</summary>
    NpsDetractors,
    CsatResponses,

    /// <summary>Newest CSAT answer 4 or 5.</summary>
    CsatSatisfied,
    CsatScoreTotal,
    CesResponses,
    CesScoreTotal,
}

/// <summary>What happened on one local day of the program's calendar, summed over members.</summary>
public enum KpiDailyCount
{
    /// <summary>Members whose first event is dated this day.</summary>
    NewMembers,
    Purchases,
    Returns,
    GrossSpendMinor,
    RefundedMinor,
    PointsIssued,
    PointsClawedBack,
    PointsRedeemed,
    PointsExpired,
    PointsAdjusted,
    Engagements,
    SurveyAnswers,
}

/// <summary>
/// A fixed set of named counts, one long each, indexed by <typeparamref name="TField"/>. Kept as an array so the
/// stored and transported forms are compact and a new count is a new name, not a new field everywhere.
/// </summary>
public sealed class KpiCounts<TField>
    where TField : struct, Enum
{
    public static readonly int Length = Enum.GetValues<TField>().Length;

    private readonly long[] values;

    public KpiCounts()
        : this(new long[Length])
    {
    }

    private KpiCounts(long[] values) => this.values = values;

    /// <summary>Counts as stored or sent; a shorter array (stored before a count was added) reads the rest as zero.</summary>
    public static KpiCounts<TField> From(IReadOnlyList<long> stored)
    {
        var values = new long[Length];
        for (var i = 0; i < Math.Min(Length, stored.Count); i++)
        {
            values[i] = stored[i];
        }

        return new KpiCounts<TField>(values);
    }

    public long this[TField field]
    {
        get => values[Unsafe.As<TField, int>(ref field)];
        set => values[Unsafe.As<TField, int>(ref field)] = value;
    }

    public IReadOnlyList<long> Values => values;

    public bool IsZero => Array.TrueForAll(values, v => v == 0);

    /// <summary>Adds <paramref name="other"/> times <paramref name="sign"/> (1 or −1).</summary>
    public void Add(KpiCounts<TField> other, int sign = 1)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = checked(values[i] + (sign * other.values[i]));
        }
    }

    public KpiCounts<TField> Copy() => new((long[])values.Clone());

    public bool SameAs(KpiCounts<TField> other) => values.AsSpan().SequenceEqual(other.values);
}
