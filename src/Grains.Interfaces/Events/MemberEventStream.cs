namespace Loyalty.Grains.Interfaces.Events;

/// <summary>
/// Names of the stream that carries events to members. A program's members are spread over a fixed number of
/// partitions by a stable hash of the member id (<c>StableBucket.Of</c>); each partition is one stream (key <c>{program}/{partition}</c>),
/// consumed through an implicit subscription by the partition grain of the same key, which hands each member its
/// events in order. Per-member streams would cost Orleans a stream registration and handshake for every new member.
/// </summary>
public static class MemberEventStream
{
    public const string ProviderName = "member-events";
    public const string Namespace = "member-events";

    public static StreamId For(string programId, int partition) =>
        StreamId.Create(Namespace, GrainKeys.MemberEventPartition(programId, partition));
}
