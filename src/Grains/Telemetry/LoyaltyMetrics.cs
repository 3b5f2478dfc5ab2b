using System.Diagnostics.Metrics;

namespace Loyalty.Grains.Telemetry;

/// <summary>The product's own counters, beside Orleans' meter. Static so grains and the gateway share one meter.</summary>
public static class LoyaltyMetrics
{
    public const string MeterName = "Loyalty.Orleans";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> EventsAccepted =
        Meter.CreateCounter<long>("loyalty.events.accepted", "{event}", "Events accepted for processing.");

    public static readonly Counter<long> EventsDuplicate =
        Meter.CreateCounter<long>("loyalty.events.duplicate", "{event}", "Events acknowledged as duplicates.");

    public static readonly Counter<long> EventsRejected =
        Meter.CreateCounter<long>("loyalty.events.rejected", "{event}", "Events rejected by validation.");

    public static readonly Counter<long> EventsApplied =
        Meter.CreateCounter<long>("loyalty.events.applied", "{event}", "Events applied by member grains.");

    public static readonly Counter<long> EventsDeadLettered =
        Meter.CreateCounter<long>("loyalty.events.dead_lettered", "{event}", "Events a member could not apply, parked as dead letters.");

    public static readonly Counter<long> PointsIssued =
        Meter.CreateCounter<long>("loyalty.points.issued", "{point}", "Points earned by members.");

    public static readonly Histogram<double> LeaderboardLag =
        Meter.CreateHistogram<double>("loyalty.leaderboard.lag", "ms", "Time from a member's change to its leaderboard update.");
}
