using Loyalty.Grains.Interfaces.Members;
using Orleans.Concurrency;

namespace Loyalty.Grains.Members;

/// <summary>Reads a program's page of the member directory where the directory lives: in the silo. Stateless, so reads never queue.</summary>
[StatelessWorker, Reentrant]
public sealed class MemberListingGrain(IMemberDirectory directory) : Grain, IMemberListingGrain
{
    public Task<MemberSummaryPage> Page(MemberListQuery query) => directory.Page(this.GetPrimaryKeyString(), query);
}
