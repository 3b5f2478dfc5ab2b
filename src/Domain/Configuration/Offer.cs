namespace Loyalty.Domain;

/// <summary>
/// A segment-targeted multiplier: purchases dated in [<see cref="Start"/>, <see cref="End"/>) (local times of the
/// program's zone, without offset) by members in <see cref="Segment"/> earn the base points times
/// <see cref="MultiplierPercent"/> ÷ 100. The segment is judged on the member as they were just before the purchase.
/// </summary>
public sealed record Offer
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public OfferSegment Segment { get; init; } = new();

    public string Start { get; init; } = "";

    public string End { get; init; } = "";

    public int MultiplierPercent { get; init; }
}

/// <summary>Every part that is set must hold: the member's tier is one of <see cref="Tiers"/>; each RFM score reaches its minimum.</summary>
public sealed record OfferSegment
{
    public List<string>? Tiers { get; init; }

    public RfmMinimums? Rfm { get; init; }
}

public sealed record RfmMinimums(int? MinRecency = null, int? MinFrequency = null, int? MinMonetary = null);
