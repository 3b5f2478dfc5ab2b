using System.ComponentModel.DataAnnotations;
using Loyalty.Client.Hosting;

namespace Loyalty.Grains.Ingestion;

/// <summary>How a member-events partition hands a delivery to its members (section <c>Loyalty:PartitionDelivery</c>).</summary>
public sealed class PartitionDeliveryOptions : ILoyaltyOptions
{
    public static string Section => "Loyalty:PartitionDelivery";

    /// <summary>
    /// Member calls a partition keeps running at once where members answer without waiting (the embedded profile):
    /// a call is pure CPU, and a few dozen keep every core busy without queueing ingestion requests behind thousands
    /// of member turns.
    /// </summary>
    [Range(1, 100_000)]
    public int MembersInFlight { get; set; } = 32;

    /// <summary>
    /// Member calls a partition keeps running at once where members wait for their scores to be stored before
    /// answering (the Redis profile, about a leaderboard PersistInterval each): a call is mostly waiting.
    /// </summary>
    [Range(1, 100_000)]
    public int MembersInFlightWhileStoring { get; set; } = 1_024;

    public int InFlight(bool membersWaitForStorage) => membersWaitForStorage ? MembersInFlightWhileStoring : MembersInFlight;
}
