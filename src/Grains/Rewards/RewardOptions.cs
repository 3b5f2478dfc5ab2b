using System.ComponentModel.DataAnnotations;
using Loyalty.Client.Hosting;

namespace Loyalty.Grains.Rewards;

/// <summary>Reward stock (section <c>Loyalty:Rewards</c>).</summary>
public sealed class RewardOptions : ILoyaltyOptions
{
    public static string Section => "Loyalty:Rewards";

    /// <summary>
    /// How long a reservation may stay unfinished before the reward asks its member whether it paid: well above a
    /// redemption's own time, so a redemption still running is never settled under it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan SettleAfter { get; set; } = TimeSpan.FromMinutes(1);
}
