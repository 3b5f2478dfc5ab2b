namespace Loyalty.Domain;

/// <summary>How a purchase's points were made up: the base, each rule or offer that added points, and any cap.</summary>
public sealed record AppliedEarning(string EventId, DateTimeOffset OccurredAt, long BasePoints, IReadOnlyList<RulePoints> Rules, long Total, bool Capped)
{
    public static AppliedEarning From(Purchase purchase, EarningResult earning) =>
        new(purchase.EventId, purchase.OccurredAt, earning.BasePoints, [.. earning.Rules], earning.Total, earning.Capped);
}

/// <summary>Which rules applied: the program version the newest event was judged by, and the newest purchase's earning.</summary>
public sealed record RulesView(int ProgramVersion, AppliedEarning? LastPurchase);
