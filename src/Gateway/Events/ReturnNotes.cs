using Loyalty.Client.Ingestion;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Gateway.Events;

/// <summary>
/// Notes for the answer on returns whose originalEventId names no purchase known for their member: the member will
/// reverse them at the base rate, and the producer should see that mismatch. The gateway answers before members
/// apply, so an original is known when it is a purchase of the same member earlier in the batch, is in the
/// event-id index, or is held by the member. Returns are rare, so asking the member costs little.
/// </summary>
public sealed class ReturnNotes(IClusterClient cluster, IEventIdIndex index, EventIdHasher hasher, ILogger<ReturnNotes> logger)
{
    public static string Note(string originalEventId) =>
        $"original purchase '{originalEventId}' is not known for this member; points are reversed at the base rate";

    /// <summary>Notes by return event id, for the returns of <paramref name="events"/> that were accepted now.</summary>
    public async Task<IReadOnlyDictionary<string, string>> For(
        string programId, IReadOnlyList<MemberEvent> events, IReadOnlySet<string> duplicates)
    {
        var inBatch = events.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
        var purchasesSoFar = new HashSet<(string Member, string EventId)>();
        var unknown = new List<MemberEvent>();
        var toAsk = new List<MemberEvent>();
        foreach (var e in events)
        {
            if (e.Kind == MemberEventKind.Purchase)
            {
                purchasesSoFar.Add((e.MemberId, e.EventId));
            }
            else if (e.OriginalEventId is { } original && !duplicates.Contains(e.EventId) && !purchasesSoFar.Contains((e.MemberId, original)))
            {
                // Named later in this batch, or not this member's purchase: the index would know it, the member will not.
                (inBatch.Contains(original) ? unknown : toAsk).Add(e);
            }
        }

        try
        {
            unknown.AddRange(await NotKnownElsewhere(programId, toAsk));
        }
        catch (Exception e)
        {
            // The events are published already: an answer without notes beats asking for a resend.
            logger.LogWarning(e, "Could not check the originals of {Count} returns of {ProgramId}", toAsk.Count, programId);
        }

        return unknown.ToDictionary(e => e.EventId, e => Note(e.OriginalEventId!), StringComparer.Ordinal);
    }

    private async Task<IEnumerable<MemberEvent>> NotKnownElsewhere(string programId, List<MemberEvent> returns)
    {
        if (returns.Count == 0)
        {
            return [];
        }

        // A fingerprint shared by another event may hide a note, never change an effect: notes are advice.
        var stored = await index.AreStored(programId, [.. returns.Select(e => hasher.Hash(e.MemberId, e.OriginalEventId!))]);
        var answers = await Task.WhenAll(returns
            .Where((_, i) => !stored[i])
            .GroupBy(e => e.MemberId, StringComparer.Ordinal)
            .Select(async member =>
            {
                var missing = await cluster.GetGrain<IMemberGrain>(GrainKeys.Member(programId, member.Key))
                    .UnknownPurchases([.. member.Select(e => e.OriginalEventId!)]);
                return member.Where(e => missing.Contains(e.OriginalEventId!));
            }));
        return answers.SelectMany(a => a);
    }
}
