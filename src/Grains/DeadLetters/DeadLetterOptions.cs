namespace Loyalty.Grains.DeadLetters;

/// <summary>Dead letters (configuration section <c>Loyalty:DeadLetters</c>).</summary>
public sealed class DeadLetterOptions
{
    /// <summary>
    /// Dead letters a program holds at most. When full, a member that fails is retried instead of parked, holding its
    /// partition back: an alarm an operator must answer, never a silent loss.
    /// </summary>
    public int Capacity { get; set; } = 10_000;
}
