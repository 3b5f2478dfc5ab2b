namespace Loyalty.Grains.Interfaces.Members;

public enum AdjustmentStatus
{
    /// <summary>Applied now.</summary>
    Adjusted,

    /// <summary>The adjustment id was applied before with the same points and reason; nothing changed.</summary>
    AlreadyAdjusted,

    /// <summary>The adjustment id was used for other points or another reason.</summary>
    AdjustmentIdTaken,

    /// <summary>A debit beyond the member's available points; nothing changed.</summary>
    InsufficientPoints,

    MemberNotFound,
}

/// <summary>What became of a manual adjustment; the adjustment as kept when it was applied, now or before.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.adjustment-result")]
public sealed record AdjustmentResult(
    [property: Id(0)] AdjustmentStatus Status,
    [property: Id(1)] string AdjustmentId,
    [property: Id(2)] long Points,
    [property: Id(3)] string? Reason,
    [property: Id(4)] DateTimeOffset? AdjustedAt);
