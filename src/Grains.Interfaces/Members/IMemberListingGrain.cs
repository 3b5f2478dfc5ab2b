namespace Loyalty.Grains.Interfaces.Members;

/// <summary>Reads a program's member directory for the gateway (key: the program id).</summary>
public interface IMemberListingGrain : IGrainWithStringKey
{
    Task<MemberSummaryPage> Page(MemberListQuery query);
}
