using System.IO.Hashing;
using System.Text;
using Loyalty.Replay.Data;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// The logs a profile's cluster tests replay. Redis takes both logs whole. Azure runs on Azurite, one Node process
/// sharing the two cores with the cluster: it takes one customer in <see cref="RetailShare"/> of online retail (213
/// purchases and returns of 41 customers) and one in <see cref="CdnowShare"/> of CDNOW (1,286 purchases of 473
/// customers), each customer with their whole history: the same kinds of events, orders and failures on a
/// fiftieth of the volume.
/// </summary>
public static class ProfileLogs
{
    public const int RetailShare = 10;
    public const int CdnowShare = 50;

    private static readonly ReplayData OnlineRetailLog = OnlineRetailReader.Read(SharedData.File("online_retail.csv"));
    private static readonly ReplayData CdnowLog = CdnowReader.Read(SharedData.File("CDNOW_master.txt"));

    public static TheoryData<string> Profiles => ["redis", "azure"];

    public static IReadOnlyList<ReplayEvent> OnlineRetail(string profile) => For(profile, OnlineRetailLog.Events, RetailShare);

    public static IReadOnlyList<ReplayEvent> Cdnow(string profile) => For(profile, CdnowLog.Events, CdnowShare);

    private static IReadOnlyList<ReplayEvent> For(string profile, IReadOnlyList<ReplayEvent> events, int share) => profile == "azure"
        ? [.. events.Where(e => XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(e.MemberId)) % share == 0)]
        : events;
}
