namespace Loyalty.Domain;

/// <summary>A configuration problem; <see cref="Field"/> is the camelCase JSON path, e.g. "tiers[1].qualifyingSpendMinor".</summary>
public sealed record ValidationError(string Field, string Message);
