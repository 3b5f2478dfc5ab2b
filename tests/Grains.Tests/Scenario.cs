using Loyalty.Client.Hosting;
using System.Collections.Immutable;
using Loyalty.Grains.Ingestion;
using Loyalty.Client.Ingestion;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Grains.Interfaces.Programs;
using Microsoft.Extensions.Logging.Abstractions;

namespace Loyalty.Grains.Tests;

/// <summary>A program of its own per test, and events published through the same path the gateway uses.</summary>
public sealed class Scenario(IClusterClient client)
{
    public string ProgramId { get; } = "p" + Guid.NewGuid().ToString("N")[..12];

    public const string Configuration = """
        {"name":"Cluster test","timeZone":"Europe/Rome","currency":"EUR","pointsPerUnit":1,"returnWindowDays":30,
         "leaderboardRetention":{"days":36600,"weeks":5200,"months":1200},
         "tiers":[{"name":"member","qualifyingSpendMinor":0},{"name":"silver","qualifyingSpendMinor":100000}]}
        """;

    public async Task<Scenario> Configure(string configuration = Configuration)
    {
        var result = await client.GetGrain<IProgramGrain>(ProgramId).Configure(configuration, expectedVersion: null);
        Assert.Equal(ConfigureStatus.Saved, result.Status);
        return this;
    }

    private static readonly LoyaltyHostingOptions Hosting = new();
    private static readonly LocalEventIdIndex Index = new(Hosting.DuplicateWindow, Hosting.DuplicateIndexCapacity);

    public Task<MemberEventPublisher.Outcome> Publish(params MemberEvent[] events) =>
        new MemberEventPublisher(client, Index, new EventIdHasher(), Hosting.StreamPartitions, NullLogger<MemberEventPublisher>.Instance).Publish(ProgramId, events);

    /// <summary>Publishes in stream items of at most <paramref name="eventsPerItem"/> events, telling <paramref name="counter"/> of each.</summary>
    public Task<MemberEventPublisher.Outcome> PublishInItems(int eventsPerItem, IPublicationCounter counter, params MemberEvent[] events) =>
        new MemberEventPublisher(client, Index, new EventIdHasher(), Hosting.StreamPartitions, NullLogger<MemberEventPublisher>.Instance, counter, eventsPerItem)
            .Publish(ProgramId, events);

    public static MemberEvent Purchase(string eventId, string memberId, long amountMinor, string occurredAt) =>
        new(MemberEventKind.Purchase, eventId, memberId, DateTimeOffset.Parse(occurredAt), amountMinor, "EUR", ImmutableArray<EventLine>.Empty, null, null);

    public static MemberEvent Return(string eventId, string memberId, long amountMinor, string occurredAt, string? original) =>
        new(MemberEventKind.Return, eventId, memberId, DateTimeOffset.Parse(occurredAt), amountMinor, "EUR", ImmutableArray<EventLine>.Empty, null, original);
}
