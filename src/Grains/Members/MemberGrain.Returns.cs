using System.Collections.Immutable;

namespace Loyalty.Grains.Members;

/// <summary>What a return may name: read by the gateway to tell a producer when a return's original is unknown.</summary>
public sealed partial class MemberGrain
{
    public Task<ImmutableArray<string>> UnknownPurchases(ImmutableArray<string> eventIds) =>
        Task.FromResult(eventIds.Where(id => !state.State.Purchases.Held.ContainsKey(id)).ToImmutableArray());
}
