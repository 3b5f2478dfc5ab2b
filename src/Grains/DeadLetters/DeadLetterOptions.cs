using System.ComponentModel.DataAnnotations;
using Loyalty.Client.Hosting;

namespace Loyalty.Grains.DeadLetters;

/// <summary>Dead letters (section <c>Loyalty:DeadLetters</c>).</summary>
public sealed class DeadLetterOptions : ILoyaltyOptions
{
    public static string Section => "Loyalty:DeadLetters";

    /// <summary>
    /// Dead letters a program holds at most. When full, a member that fails is retried instead of parked, holding its
    /// partition back: an alarm an operator must answer, never a silent loss.
    /// </summary>
    [Range(1, 1_000_000)]
    public int Capacity { get; set; } = 10_000;
}
