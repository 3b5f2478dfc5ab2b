using System.Text.Json;
using Loyalty.Domain;
using Loyalty.Grains.Kpis;
using Loyalty.Grains.Members.Storage;
using Loyalty.Silo.Storage;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Grains.Tests.Kpis;

/// <summary>What serializing storage (the Redis profile's) writes of KPIs reads back the same.</summary>
public sealed class KpiStorageTests
{
    private static readonly DateTimeOffset Now = At("2026-06-01T12:00Z");

    private static readonly CompressedGrainStorageSerializer Serializer = new(new SystemTextJsonGrainStorageSerializer(
        Options.Create(new SystemTextJsonGrainStorageSerializerOptions { JsonSerializerOptions = { Converters = { new StoredMemberJsonConverter() } } })));

    [Fact]
    public void A_slice_reads_back_its_totals_days_ids_and_horizon()
    {
        var totals = new KpiAggregate();
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 12_000, "2026-05-20T10:00Z"), Basic, Now);
        account.Apply(new SurveyAnswer("n1", "m", At("2026-05-21T10:00Z"), SurveyKind.Nps, 9), Basic, Now);
        totals.Apply(account.Kpis.Close(account, Basic, Now)!, 400);
        var state = new KpiSliceState
        {
            Totals = totals.ToData(),
            RecentIds = [new KpiSeenChange("k-1", Now)],
            Horizon = Now.AddMinutes(-5),
        };

        var read = Serializer.Deserialize<KpiSliceState>(Serializer.Serialize(state))!;

        Assert.Equal(JsonSerializer.Serialize(state.Totals), JsonSerializer.Serialize(read.Totals));
        var restored = read.Totals.FromData();
        Assert.Equal(totals.Program().Values, restored.Program().Values);
        Assert.Equal(totals.Daily.Keys, restored.Daily.Keys);
        Assert.Equal(1, restored.ActiveMembers(new DateOnly(2026, 5, 25), 30));
        Assert.Equal(state.RecentIds, read.RecentIds);
        Assert.Equal(state.Horizon, read.Horizon);
    }

    [Fact]
    public void A_member_reads_back_its_kpi_part_with_a_change_not_yet_handed()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 12_000, "2026-05-20T10:00Z"), Basic, Now);
        account.Apply(Refund("r1", 2_000, "2026-05-21T10:00Z", "p1"), Basic, Now);
        var change = account.Kpis.Close(account, Basic, Now)!;

        var read = Serializer.Deserialize<MemberAccount>(Serializer.Serialize(account))!;

        var kpis = read.Kpis;
        Assert.Equal((account.Kpis.Key, 1L, 1L, 2_000L, new DateOnly(2026, 5, 21)), (kpis.Key, kpis.Sequence, kpis.Returns, kpis.RefundedMinor, kpis.LastEventDay));
        var stored = Assert.Single(kpis.Outbox);
        Assert.Equal((change.Id, change.CreatedAt, change.To.Tier, change.To.Segment), (stored.Id, stored.CreatedAt, stored.To.Tier, stored.To.Segment));
        Assert.Equal(change.To.Counts.Values, stored.To.Counts.Values);
        Assert.Equal(change.Days.Keys, stored.Days.Keys);
        Assert.True(kpis.Handed!.SameAs(change.To));
        Assert.Null(read.Kpis.Close(read, Basic, Now)); // nothing new to count after a reload
    }
}
