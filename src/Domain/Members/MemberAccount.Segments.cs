namespace Loyalty.Domain;

/// <summary>Recency, frequency and monetary scores, kept current, and the segment offers target.</summary>
public sealed partial class MemberAccount
{
    public RfmState RfmData { get; set; } = new();

    /// <summary>The member's scores as of <paramref name="at"/>; null before the first purchase.</summary>
    public RfmScores? Rfm(ProgramConfig config, DateTimeOffset at)
    {
        if (RfmData.LastPurchaseAt is not { } last)
        {
            return null;
        }

        var zone = ProgramCalendar.Zone(config);
        var today = ProgramCalendar.LocalDate(at, zone);
        var days = Math.Max(0, today.DayNumber - ProgramCalendar.LocalDate(last, zone).DayNumber);
        return RfmScores.From(days, RfmData.PurchasesInWindow(today), Tier.WindowSpend(today), config.Rfm);
    }

    /// <summary>The segment as of <paramref name="at"/>, before anything at that time is applied.</summary>
    private MemberSegment Segment(ProgramConfig config, DateTimeOffset at) =>
        new(config.Tiers[Tier.IndexOf(config.Tiers)].Name, Rfm(config, at));
}
