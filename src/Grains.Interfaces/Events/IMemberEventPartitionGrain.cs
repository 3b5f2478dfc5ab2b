namespace Loyalty.Grains.Interfaces.Events;

/// <summary>
/// The consumer of one member-events partition (key <c>{program}/{partition}</c>). It has no methods of its own: it
/// receives the partition's stream through an implicit subscription.
/// </summary>
public interface IMemberEventPartitionGrain : IGrainWithStringKey;
