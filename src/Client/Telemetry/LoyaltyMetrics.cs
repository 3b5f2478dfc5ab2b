using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Loyalty.Client.Ingestion;
using Loyalty.Grains.Interfaces.Rewards;

namespace Loyalty.Client.Telemetry;

/// <summary>The product's own counters, beside Orleans' meter. Static so grains and the gateway share one meter.</summary>
public static class LoyaltyMetrics
{
    public const string MeterName = "Loyalty.Orleans";

    /// <summary>How many programs a process labels by id; the rest share the label <see cref="OtherPrograms"/>.</summary>
    public const int MaxProgramLabels = 100;

    public const string OtherPrograms = "other";

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

    public static readonly Histogram<double> IngestionLatency = Meter.CreateHistogram<double>(
        "loyalty.ingestion.latency", "ms", "Time from an event's acceptance by the gateway to its effect stored by its member, per event.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000] });

    public static readonly Histogram<double> LeaderboardLag =
        Meter.CreateHistogram<double>("loyalty.leaderboard.lag", "ms", "Time from a member's change to its leaderboard update.");

    public static readonly Counter<long> RedemptionsRedeemed =
        Meter.CreateCounter<long>("loyalty.redemptions.redeemed", "{redemption}", "Rewards redeemed (a repeated redemption id not counted again), by program.");

    public static readonly Counter<long> RedemptionsRefused =
        Meter.CreateCounter<long>("loyalty.redemptions.refused", "{redemption}", "Redemptions refused, by program and reason.");

    public static readonly Counter<long> RedemptionsCancelled =
        Meter.CreateCounter<long>("loyalty.redemptions.cancelled", "{redemption}", "Redemptions cancelled, by program.");

    public static readonly Counter<long> ChallengeCompletions =
        Meter.CreateCounter<long>("loyalty.challenges.completed", "{completion}", "Challenge completions placed, by program and whether they won.");

    public static readonly Counter<long> WebhookDeliveries =
        Meter.CreateCounter<long>("loyalty.webhooks.delivered", "{request}", "Notifications a webhook acknowledged with 2xx, by program.");

    public static readonly Counter<long> WebhookFailures =
        Meter.CreateCounter<long>("loyalty.webhooks.failed", "{request}", "Webhook deliveries that failed after the client's quick retries (each delivery the outbox tries again counts), by program.");

    private static readonly KeyValuePair<string, object?> Other = new("program", OtherPrograms);
    private static readonly ConcurrentDictionary<string, KeyValuePair<string, object?>> ProgramTags = new(StringComparer.Ordinal);
    private static readonly Lock ProgramTagsLock = new();
    private static volatile bool programTagsFull;

    /// <summary>
    /// The "program" tag of a series: the program's id for the first <see cref="MaxProgramLabels"/> programs this
    /// process reports on, <see cref="OtherPrograms"/> for the rest, so thousands of tenants cannot multiply the
    /// series a scraper stores. A program keeps its label for the life of the process.
    /// </summary>
    public static KeyValuePair<string, object?> ProgramTag(string programId)
    {
        if (ProgramTags.TryGetValue(programId, out var tag))
        {
            return tag;
        }

        if (programTagsFull)
        {
            return Other;
        }

        lock (ProgramTagsLock)
        {
            if (ProgramTags.TryGetValue(programId, out tag))
            {
                return tag;
            }

            if (ProgramTags.Count >= MaxProgramLabels)
            {
                programTagsFull = true;
                return Other;
            }

            return ProgramTags[programId] = new KeyValuePair<string, object?>("program", programId);
        }
    }

    /// <summary>Counts a redemption's outcome once; a repeated redemption id answering the first outcome counts nothing.</summary>
    public static void CountRedemption(string programId, RedemptionStatus status)
    {
        switch (status)
        {
            case RedemptionStatus.Redeemed:
                RedemptionsRedeemed.Add(1, ProgramTag(programId));
                break;
            case RedemptionStatus.AlreadyRedeemed or RedemptionStatus.Cancelled:
                break;
            default:
                RedemptionsRefused.Add(1, ProgramTag(programId), new KeyValuePair<string, object?>("reason", RefusalReason(status)));
                break;
        }
    }

    private static string RefusalReason(RedemptionStatus status) => status switch
    {
        RedemptionStatus.MemberNotFound => "member_not_found",
        RedemptionStatus.RewardNotFound => "reward_not_found",
        RedemptionStatus.OutOfStock => "out_of_stock",
        RedemptionStatus.LimitReached => "limit_reached",
        RedemptionStatus.NotValidNow => "not_valid_now",
        RedemptionStatus.InsufficientPoints => "insufficient_points",
        RedemptionStatus.RedemptionIdTaken => "redemption_id_taken",
        _ => "other",
    };

    private static readonly ConcurrentDictionary<IIngestionLag, byte> LagSources = new();

    /// <summary>Events answered but not yet applied, as the processes that report it see it (one per process in production).</summary>
    public static readonly ObservableGauge<long> IngestionLagEvents = Meter.CreateObservableGauge(
        "loyalty.ingestion.lag", () => LagSources.Keys.Sum(lag => lag.Current.Events), "{event}", "Events answered but not yet applied by their members.");

    public static readonly ObservableGauge<double> IngestionLagOldest = Meter.CreateObservableGauge(
        "loyalty.ingestion.lag.oldest", () => LagSources.Keys.Select(lag => lag.Current.OldestAge.TotalSeconds).DefaultIfEmpty().Max(), "s",
        "How long the oldest event answered but not yet applied has waited.");

    /// <summary>Reports <paramref name="lag"/> on the lag gauges until the answer is disposed.</summary>
    public static IDisposable ReportIngestionLag(IIngestionLag lag)
    {
        LagSources.TryAdd(lag, 0);
        return new Unregistration(() => LagSources.TryRemove(lag, out _));
    }

    private sealed class Unregistration(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
