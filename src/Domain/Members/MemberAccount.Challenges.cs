namespace Loyalty.Domain;

/// <summary>
/// Challenge progress. Purchases dated in a challenge's window add to it; meeting the goal records the completion
/// at that purchase's time, which the challenge then places among all completions (<see cref="SettleChallenge"/>):
/// a winner gets the reward.
/// </summary>
public sealed partial class MemberAccount
{
    private readonly HashSet<string> changedChallenges = new(StringComparer.Ordinal);

    public Dictionary<string, ChallengeProgress> Challenges { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Challenges whose held purchases were counted, so a challenge created mid-window counts them once.</summary>
    public HashSet<string> ChallengesCounted { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Challenges completed here and not yet placed by the challenge, with their completion times.</summary>
    public IEnumerable<(string ChallengeId, DateTimeOffset CompletedAt)> UnsettledChallenges =>
        Challenges.Where(c => c.Value is { CompletedAt: not null, Settled: false }).Select(c => (c.Key, c.Value.CompletedAt!.Value));

    /// <summary>Ids of challenges whose progress changed since the last call, for their leaderboards.</summary>
    public IReadOnlyCollection<string> TakeChangedChallenges()
    {
        var changed = changedChallenges.ToList();
        changedChallenges.Clear();
        return changed;
    }

    /// <summary>
    /// Records the challenge's verdict on this member's completion, once: a winner is credited the reward points and
    /// badge at the completion time. False when there is nothing to settle.
    /// </summary>
    public bool SettleChallenge(Challenge challenge, int position, bool winner, ProgramConfig config, DateTimeOffset now)
    {
        if (!Challenges.TryGetValue(challenge.Id, out var progress) || progress is not { CompletedAt: { } at, Settled: false })
        {
            return false;
        }

        SetNewsHorizon(config, now);
        progress.Position = position;
        progress.Winner = winner;
        Notify(NotificationKind.ChallengeCompleted, at, challenge: challenge.Id);
        if (winner)
        {
            var zone = ProgramCalendar.Zone(config);
            Credit(challenge.Definition.Reward.Points, $"challenge {challenge.Id}", config, zone, at, now);
            if (challenge.Definition.Reward.Badge is { } badge && Badges.TryAdd(badge, at))
            {
                Notify(NotificationKind.BadgeEarned, at, badge: badge);
            }
        }

        AwardBadges(config, ProgramCalendar.Zone(config), at, now);
        Version++;
        return true;
    }

    /// <summary>
    /// Counts, once per challenge, the purchases this member still holds (<see cref="Purchases"/>) that are dated in its
    /// window, net of returns. Held purchases keep neither lines nor channel, so a challenge with filters or a
    /// categories goal counts only purchases that arrive once it exists. A challenge already under way was counted
    /// as its purchases arrived.
    /// </summary>
    private void CountHeldPurchases(IReadOnlyList<Challenge> challenges, ProgramConfig config, TimeZoneInfo zone)
    {
        foreach (var challenge in challenges)
        {
            if (!ChallengesCounted.Add(challenge.Id) || Challenges.ContainsKey(challenge.Id)
                || HeldProgress(challenge, config, zone) is not { } progress)
            {
                continue;
            }

            Challenges[challenge.Id] = progress;
            changedChallenges.Add(challenge.Id);
        }
    }

    /// <summary>What the held purchases add to a challenge not yet counted; null when they add nothing.</summary>
    private ChallengeProgress? HeldProgress(Challenge challenge, ProgramConfig config, TimeZoneInfo zone)
    {
        if (challenge.Definition.Filters is not null || challenge.Definition.Goal.Kind == ChallengeGoalKind.Categories)
        {
            return null;
        }

        ChallengeProgress? progress = null;
        foreach (var (eventId, purchase) in Purchases.Where(p => challenge.Covers(p.Value.OccurredAt, zone)).OrderBy(p => p.Value.OccurredAt))
        {
            progress ??= new ChallengeProgress();
            var period = ProgramCalendar.PeriodNumber(ProgramCalendar.LocalDate(purchase.OccurredAt, zone), config.StreakUnit);
            progress.Add(eventId, new ChallengeContribution(purchase.AmountMinor - purchase.RefundedMinor, []), period, purchase.OccurredAt);
            if (progress.CompletedAt is null && progress.Value(challenge.Definition.Goal.Kind) >= challenge.Target)
            {
                progress.Complete(purchase.OccurredAt);
            }
        }

        return progress;
    }

    /// <summary>What the purchase adds to each challenge it counts for.</summary>
    private static List<(Challenge Challenge, ChallengeContribution Contribution)> PlanChallenges(
        Purchase purchase, IReadOnlyList<Challenge> challenges, TimeZoneInfo zone)
    {
        var plan = new List<(Challenge, ChallengeContribution)>();
        foreach (var challenge in challenges)
        {
            if (challenge.Contribution(purchase, zone) is { } contribution)
            {
                plan.Add((challenge, contribution));
            }
        }

        return plan;
    }

    private void ApplyToChallenges(
        Purchase purchase, List<(Challenge Challenge, ChallengeContribution Contribution)> plan, ProgramConfig config, TimeZoneInfo zone)
    {
        foreach (var (challenge, contribution) in plan)
        {
            if (!Challenges.TryGetValue(challenge.Id, out var progress))
            {
                progress = Challenges[challenge.Id] = new ChallengeProgress();
            }

            var period = ProgramCalendar.PeriodNumber(ProgramCalendar.LocalDate(purchase.OccurredAt, zone), config.StreakUnit);
            progress.Add(purchase.EventId, contribution, period, purchase.OccurredAt);
            if (progress.CompletedAt is null && progress.Value(challenge.Definition.Goal.Kind) >= challenge.Target)
            {
                progress.Complete(purchase.OccurredAt);
            }

            changedChallenges.Add(challenge.Id);
        }
    }

    private void RefundChallenges(string originalEventId, long refundMinor, PurchaseRecord original, DateTimeOffset at)
    {
        foreach (var (id, progress) in Challenges)
        {
            if (progress.CountedSpend.ContainsKey(originalEventId))
            {
                progress.Refund(originalEventId, refundMinor, original.RefundedMinor, original.AmountMinor, at);
                changedChallenges.Add(id);
            }
        }
    }

    private IReadOnlyList<ChallengeView> ChallengeViews(IReadOnlyList<Challenge> challenges, ProgramConfig config, TimeZoneInfo zone, DateTimeOffset now) =>
    [
        .. challenges
            .Where(c => c.HasStarted(now, zone) || Challenges.ContainsKey(c.Id))
            .Select(c =>
            {
                // Not yet counted: shown as counting would make it, stored with the member's next event.
                var progress = Challenges.GetValueOrDefault(c.Id) ?? (ChallengesCounted.Contains(c.Id) ? null : HeldProgress(c, config, zone));
                var value = progress?.Value(c.Definition.Goal.Kind) ?? 0;
                return new ChallengeView(c.Id, ChallengeView.Fraction(value, c.Target), value, c.Target, progress?.CompletedAt, progress?.Position, progress?.Winner ?? false);
            }),
    ];
}
