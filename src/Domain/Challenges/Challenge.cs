namespace Loyalty.Domain;

/// <summary>A stored challenge, ready to judge purchases: its id, definition and parsed window.</summary>
public sealed record Challenge(string Id, ChallengeDefinition Definition, DateTime LocalStart, DateTime LocalEnd)
{
    /// <summary>A challenge from a definition that passed <see cref="ChallengeValidator"/>.</summary>
    public static Challenge From(string id, ChallengeDefinition definition)
    {
        if (!LocalDateTimes.TryParse(definition.Start, out var start) || !LocalDateTimes.TryParse(definition.End, out var end))
        {
            throw new ArgumentException($"Challenge '{id}' has an invalid window.", nameof(definition));
        }

        return new Challenge(id, definition, start, end);
    }

    public long Target => Definition.Goal.Target;

    /// <summary>True when <paramref name="at"/>, read in the program's zone, falls in [start, end).</summary>
    public bool Covers(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = LocalDateTimes.In(at, zone);
        return local >= LocalStart && local < LocalEnd;
    }

    /// <summary>True from the start on: the member view lists running and finished challenges, not future ones.</summary>
    public bool HasStarted(DateTimeOffset now, TimeZoneInfo zone) => LocalDateTimes.In(now, zone) >= LocalStart;

    /// <summary>
    /// True for a member whose newest purchase or engagement is dated <paramref name="retentionDays"/> or more after the
    /// end: they forget their progress in it, and events dated in its window that reach them later no longer count. Event
    /// time, not arrival, so a replayed history counts as it did live.
    /// </summary>
    public bool IsPastFor(DateTimeOffset? newestActivityAt, TimeZoneInfo zone, int retentionDays) =>
        newestActivityAt is { } newest && LocalDateTimes.In(newest, zone) >= LocalEnd.AddDays(retentionDays);

    /// <summary>True for an engagement goal and an engagement dated in the window, of the filtered kind if there is one.</summary>
    public bool Counts(Engagement engagement, TimeZoneInfo zone) =>
        Definition.Goal.Kind == ChallengeGoalKind.Engagement
        && Covers(engagement.OccurredAt, zone)
        && (Definition.Filters?.EngagementKind is not { } kind || kind == engagement.Kind);

    /// <summary>What a purchase adds, or null when it is dated outside the window, matches no filter, or the goal counts engagements.</summary>
    public ChallengeContribution? Contribution(Purchase purchase, TimeZoneInfo zone)
    {
        if (Definition.Goal.Kind == ChallengeGoalKind.Engagement || !Covers(purchase.OccurredAt, zone))
        {
            return null;
        }

        var filters = Definition.Filters;
        if (filters?.Channel is { } channel && !string.Equals(channel, purchase.Channel, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (filters?.Category is not { } category)
        {
            return new ChallengeContribution(purchase.AmountMinor, [.. Categories(purchase.Lines)]);
        }

        var lines = purchase.Lines.Where(line => string.Equals(line.Category, category, StringComparison.OrdinalIgnoreCase)).ToList();
        // The lines' value, never more than the purchase itself (as for earning rules): lines list prices before discounts.
        return lines.Count == 0
            ? null
            : new ChallengeContribution(Math.Clamp(EarningCalculator.LinesValue(lines), 0, purchase.AmountMinor), [.. Categories(lines)]);
    }

    private static IEnumerable<string> Categories(IEnumerable<PurchaseLine> lines) =>
        lines.Select(line => line.Category).OfType<string>().Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);
}

/// <summary>A purchase's share in a challenge: the spend that counts and the categories it bought.</summary>
public sealed record ChallengeContribution(long SpendMinor, IReadOnlyList<string> Categories);
