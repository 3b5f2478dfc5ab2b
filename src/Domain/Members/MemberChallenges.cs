namespace Loyalty.Domain;

/// <summary>
/// Challenge progress. Purchases (engagements, for an engagement goal) dated in a challenge's window add to it;
/// meeting the goal records the completion at that event's time, which the challenge then places among all completions (<see cref="RecordPlacement"/>). Progress
/// is dropped once the challenge is past for the member (<see cref="Challenge.IsPastFor"/>) and placed: its
/// standings live with the challenge.
/// </summary>
public sealed class MemberChallenges
{
    private readonly Dictionary<string, ChallengeProgress> progress;
    private readonly HashSet<string> counted;
    private readonly HashSet<string> changed = new(StringComparer.Ordinal);

    public MemberChallenges()
        : this([], [])
    {
    }

    private MemberChallenges(IEnumerable<KeyValuePair<string, ChallengeProgress>> progress, IEnumerable<string> counted)
    {
        this.progress = new Dictionary<string, ChallengeProgress>(progress, StringComparer.Ordinal);
        this.counted = new HashSet<string>(counted, StringComparer.Ordinal);
    }

    public static MemberChallenges Restore(IEnumerable<KeyValuePair<string, ChallengeProgress>> progress, IEnumerable<string> counted) =>
        new(progress, counted);

    public IReadOnlyDictionary<string, ChallengeProgress> ById => progress;

    /// <summary>Challenges whose held purchases were counted, so a challenge created mid-window counts them once.</summary>
    public IReadOnlySet<string> Counted => counted;

    /// <summary>Challenges completed here and not yet placed by the challenge, with their completion times.</summary>
    public IEnumerable<(string ChallengeId, DateTimeOffset CompletedAt)> AwaitingPlacement =>
        progress.Where(c => c.Value is { CompletedAt: not null, Placed: false }).Select(c => (c.Key, c.Value.CompletedAt!.Value));

    public ChallengeProgress? Progress(string challengeId) => progress.GetValueOrDefault(challengeId);

    /// <summary>Ids of challenges whose progress changed since the last call, for their leaderboards.</summary>
    public IReadOnlyCollection<string> TakeChanged()
    {
        var ids = changed.ToList();
        changed.Clear();
        return ids;
    }

    /// <summary>What the purchase adds to each challenge it counts for.</summary>
    public static List<(Challenge Challenge, ChallengeContribution Contribution)> Plan(
        Purchase purchase, IReadOnlyList<Challenge> challenges, ProgramConfig config, TimeZoneInfo zone, DateTimeOffset? newestActivityAt)
    {
        var plan = new List<(Challenge, ChallengeContribution)>();
        foreach (var challenge in challenges)
        {
            if (challenge.Contribution(purchase, zone) is { } contribution && !challenge.IsPastFor(newestActivityAt, zone, config.ChallengeRetentionDays))
            {
                plan.Add((challenge, contribution));
            }
        }

        return plan;
    }

    /// <summary>
    /// Counts, once per challenge, the purchases this member still holds that are dated in its window, net of returns.
    /// Held purchases keep neither lines nor channel, so a challenge with filters or a categories goal counts only
    /// purchases that arrive once it exists. A challenge already under way was counted as its purchases arrived.
    /// </summary>
    public void CountHeld(
        IReadOnlyList<Challenge> challenges, MemberPurchases purchases, ProgramConfig config, TimeZoneInfo zone, DateTimeOffset? newestActivityAt)
    {
        foreach (var challenge in challenges)
        {
            if (challenge.IsPastFor(newestActivityAt, zone, config.ChallengeRetentionDays) || !counted.Add(challenge.Id) || progress.ContainsKey(challenge.Id)
                || HeldProgress(challenge, purchases, config, zone) is not { } held)
            {
                continue;
            }

            progress[challenge.Id] = held;
            changed.Add(challenge.Id);
        }
    }

    public void Add(Purchase purchase, List<(Challenge Challenge, ChallengeContribution Contribution)> plan, ProgramConfig config, TimeZoneInfo zone)
    {
        foreach (var (challenge, contribution) in plan)
        {
            if (!progress.TryGetValue(challenge.Id, out var current))
            {
                current = progress[challenge.Id] = new ChallengeProgress();
            }

            var period = ProgramCalendar.PeriodNumber(ProgramCalendar.LocalDate(purchase.OccurredAt, zone), config.StreakUnit);
            current.Add(purchase.EventId, contribution, period, purchase.OccurredAt);
            if (current.CompletedAt is null && current.Value(challenge.Definition.Goal.Kind) >= challenge.Target)
            {
                current.Complete(purchase.OccurredAt);
            }

            changed.Add(challenge.Id);
        }
    }

    /// <summary>Counts an engagement for every engagement challenge it is dated in that is not past for the member.</summary>
    public void AddEngagement(
        Engagement engagement, IReadOnlyList<Challenge> challenges, ProgramConfig config, TimeZoneInfo zone, DateTimeOffset? newestActivityAt)
    {
        foreach (var challenge in challenges)
        {
            if (!challenge.Counts(engagement, zone) || challenge.IsPastFor(newestActivityAt, zone, config.ChallengeRetentionDays))
            {
                continue;
            }

            if (!progress.TryGetValue(challenge.Id, out var current))
            {
                current = progress[challenge.Id] = new ChallengeProgress();
            }

            current.AddEngagement(engagement.OccurredAt);
            if (current.CompletedAt is null && current.Value(challenge.Definition.Goal.Kind) >= challenge.Target)
            {
                current.Complete(engagement.OccurredAt);
            }

            changed.Add(challenge.Id);
        }
    }

    public void Refund(string originalEventId, long refundMinor, PurchaseRecord original, DateTimeOffset at)
    {
        foreach (var (id, current) in progress)
        {
            if (current.CountedSpend.ContainsKey(originalEventId))
            {
                current.Refund(originalEventId, refundMinor, original.RefundedMinor, original.AmountMinor, at);
                changed.Add(id);
            }
        }
    }

    /// <summary>Records the challenge's verdict once; answers the completion time, or null when no completion awaits placement.</summary>
    public DateTimeOffset? RecordPlacement(string challengeId, int position, bool winner)
    {
        if (!progress.TryGetValue(challengeId, out var current) || current is not { CompletedAt: { } at, Placed: false })
        {
            return null;
        }

        current.RecordPlacement(position, winner);
        return at;
    }

    /// <summary>Drops progress in challenges that are past and have no completion awaiting placement. True if any was dropped.</summary>
    public bool DropFinished(IReadOnlyList<Challenge> challenges, ProgramConfig config, TimeZoneInfo zone, DateTimeOffset? newestActivityAt)
    {
        var dropped = false;
        foreach (var challenge in challenges)
        {
            if (!challenge.IsPastFor(newestActivityAt, zone, config.ChallengeRetentionDays)
                || progress.GetValueOrDefault(challenge.Id) is { CompletedAt: not null, Placed: false })
            {
                continue;
            }

            dropped |= progress.Remove(challenge.Id);
            dropped |= counted.Remove(challenge.Id);
        }

        return dropped;
    }

    public IReadOnlyList<ChallengeView> Views(
        IReadOnlyList<Challenge> challenges, MemberPurchases purchases, ProgramConfig config, TimeZoneInfo zone, DateTimeOffset now,
        DateTimeOffset? newestActivityAt) =>
    [
        .. challenges
            .Where(c => progress.ContainsKey(c.Id) || (c.HasStarted(now, zone) && !c.IsPastFor(newestActivityAt, zone, config.ChallengeRetentionDays)))
            .Select(c =>
            {
                // Not yet counted: shown as counting would make it, stored with the member's next event.
                var shown = progress.GetValueOrDefault(c.Id) ?? (counted.Contains(c.Id) ? null : HeldProgress(c, purchases, config, zone));
                var value = shown?.Value(c.Definition.Goal.Kind) ?? 0;
                return new ChallengeView(c.Id, ChallengeView.Fraction(value, c.Target), value, c.Target, shown?.CompletedAt, shown?.Position, shown?.Winner ?? false);
            }),
    ];

    /// <summary>What the held purchases add to a challenge not yet counted; null when they add nothing.</summary>
    private static ChallengeProgress? HeldProgress(Challenge challenge, MemberPurchases purchases, ProgramConfig config, TimeZoneInfo zone)
    {
        if (challenge.Definition.Filters is not null || challenge.Definition.Goal.Kind is ChallengeGoalKind.Categories or ChallengeGoalKind.Engagement)
        {
            return null;
        }

        ChallengeProgress? held = null;
        foreach (var (eventId, purchase) in purchases.Held.Where(p => challenge.Covers(p.Value.OccurredAt, zone)).OrderBy(p => p.Value.OccurredAt))
        {
            held ??= new ChallengeProgress();
            var period = ProgramCalendar.PeriodNumber(ProgramCalendar.LocalDate(purchase.OccurredAt, zone), config.StreakUnit);
            held.Add(eventId, new ChallengeContribution(purchase.AmountMinor - purchase.RefundedMinor, []), period, purchase.OccurredAt);
            if (held.CompletedAt is null && held.Value(challenge.Definition.Goal.Kind) >= challenge.Target)
            {
                held.Complete(purchase.OccurredAt);
            }
        }

        return held;
    }
}
