using System.ComponentModel.DataAnnotations;
using Loyalty.Client.Hosting;

namespace Loyalty.Client.Programs;

/// <summary>The per-process cache of program configurations (section <c>Loyalty:Programs</c>).</summary>
public sealed class ProgramRulesOptions : ILoyaltyOptions
{
    public static string Section => "Loyalty:Programs";

    /// <summary>How old a cached configuration may be: a new version reaches every member within this time.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RulesCacheMaxAge { get; set; } = TimeSpan.FromSeconds(1);
}
