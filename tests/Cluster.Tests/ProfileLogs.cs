using System.IO.Hashing;
using System.Text;
using Loyalty.Replay.Data;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// The logs a profile's cluster tests replay. Redis takes both logs whole. Azure runs on Azurite, one Node process
/// sharing the two cores with the cluster, so it takes every member of one customer in <see cref="AzureShare"/>
/// (each with its whole history): the same kinds of events, orders and failures on a fiftieth of the volume.
/// </summary>
public static class ProfileLogs
{
    public const int AzureShare = 50;

    private static readonly ReplayData OnlineRetailLog = OnlineRetailReader.Read(SharedData.File("online_retail.csv"));
    private static readonly ReplayData CdnowLog = CdnowReader.Read(SharedData.File("CDNOW_master.txt"));

    public static TheoryData<string> Profiles => ["redis", "azure"];

    public static IReadOnlyList<ReplayEvent> OnlineRetail(string profile) => For(profile, OnlineRetailLog.Events);

    public static IReadOnlyList<ReplayEvent> Cdnow(string profile) => For(profile, CdnowLog.Events);

    private static IReadOnlyList<ReplayEvent> For(string profile, IReadOnlyList<ReplayEvent> events) =>
        profile == "azure" ? [.. events.Where(e => XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(e.MemberId)) % AzureShare == 0)] : events;
}
