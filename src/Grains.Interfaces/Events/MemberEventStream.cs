namespace Loyalty.Grains.Interfaces.Events;

/// <summary>Names of the stream that carries events to member grains. The stream key is the member grain key.</summary>
public static class MemberEventStream
{
    public const string ProviderName = "member-events";
    public const string Namespace = "member-events";

    public static StreamId For(string programId, string memberId) =>
        StreamId.Create(Namespace, GrainKeys.Member(programId, memberId));
}
