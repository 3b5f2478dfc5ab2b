using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Events;

namespace Loyalty.Grains.Members;

/// <summary>What applying a batch of events in order came to.</summary>
/// <param name="Count">Events applied, duplicates not counted.</param>
/// <param name="TouchedPeriods">Leaderboard periods of every event not refused, redelivered ones included.</param>
/// <param name="FailedMidway">The event the rule book failed on, when it failed rather than refused.</param>
internal sealed record AppliedEvents(int Count, HashSet<string> TouchedPeriods, (string EventId, Exception Exception)? FailedMidway);

/// <summary>Applies a delivered batch of a member's events through the rule book, in order.</summary>
internal static class MemberEventApplier
{
    /// <summary>
    /// Applies the events in order, leaving out those in <paramref name="failed"/>. An event the rule book refuses
    /// (unchanged state) joins <paramref name="failed"/>; any other failure stops the run and is answered.
    /// </summary>
    public static AppliedEvents ApplyInOrder(
        MemberAccount account, ImmutableArray<MemberEvent> events, Dictionary<string, string> failed, ProgramRules rules, DateTimeOffset now)
    {
        var touchedPeriods = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var e in events)
        {
            if (failed.ContainsKey(e.EventId))
            {
                continue;
            }

            try
            {
                if (account.Apply(e.ToDomain(), rules.Config, now, rules.Challenges) == ApplyOutcome.Applied)
                {
                    count++;
                }
            }
            catch (EventNotApplicableException refusal)
            {
                failed[e.EventId] = $"{refusal.Field} {refusal.Reason}";
                continue;
            }
            catch (Exception exception)
            {
                return new AppliedEvents(count, touchedPeriods, (e.EventId, exception));
            }

            // Redelivered events count too: their scores may not have reached the boards before a crash.
            touchedPeriods.UnionWith(PeriodKeys.For(e.OccurredAt, rules.Zone));
        }

        return new AppliedEvents(count, touchedPeriods, null);
    }
}
