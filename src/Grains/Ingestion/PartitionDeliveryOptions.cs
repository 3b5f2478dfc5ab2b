namespace Loyalty.Grains.Ingestion;

/// <summary>How a member-events partition hands a delivery to its members (section "Loyalty:PartitionDelivery").</summary>
public sealed class PartitionDeliveryOptions
{
    /// <summary>
    /// Member calls a partition keeps running at once. In the embedded profile a call is pure CPU: a few dozen keep
    /// every core busy without queueing ingestion requests behind thousands of member turns. Where members wait
    /// for their scores to be stored before answering, a call is mostly waiting, and the Redis profile allows more.
    /// </summary>
    public int MembersInFlight { get; set; } = 32;
}
