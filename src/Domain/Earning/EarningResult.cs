namespace Loyalty.Domain;

/// <summary>What a purchase earns, and why: the base, each rule or offer that applied, and whether a cap cut the total.</summary>
public sealed record EarningResult(long BasePoints, IReadOnlyList<RulePoints> Rules, long Total, bool Capped)
{
    public string Describe(string eventId)
    {
        var parts = new List<string> { $"base {BasePoints}" };
        parts.AddRange(Rules.Select(rule => $"{(rule.Kind == RuleKind.Offer ? "offer" : "rule")} {rule.RuleId} {rule.Points}"));
        return $"purchase {eventId}: {string.Join(" + ", parts)}{(Capped ? $", capped to {Total}" : "")}";
    }
}

public sealed record RulePoints(string RuleId, long Points, RuleKind Kind = RuleKind.Rule);

public enum RuleKind
{
    /// <summary>An earning rule of the program.</summary>
    Rule,

    /// <summary>A segment-targeted offer.</summary>
    Offer,
}
