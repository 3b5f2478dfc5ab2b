using System.Collections.Immutable;
using Loyalty.Grains.Interfaces.DeadLetters;
using Loyalty.Client.Telemetry;
using Microsoft.Extensions.Options;

namespace Loyalty.Grains.DeadLetters;

/// <summary>Holds a program's dead letters, bounded by <see cref="DeadLetterOptions.Capacity"/>; one write per change.</summary>
public sealed class DeadLetterGrain(
    [PersistentState("dead-letters", StorageNames.Loyalty)] IPersistentState<DeadLetterState> state,
    IOptions<DeadLetterOptions> options,
    ILogger<DeadLetterGrain> logger)
    : Grain, IDeadLetterGrain
{
    private List<DeadLetter> Letters => state.State.Letters;

    public async Task Park(ImmutableArray<DeadLetter> letters)
    {
        var held = Letters.Select((letter, index) => (letter.Event.EventId, index)).ToDictionary(p => p.EventId, p => p.index, StringComparer.Ordinal);
        var added = letters.Select(l => l.Event.EventId).Distinct(StringComparer.Ordinal).Count(id => !held.ContainsKey(id));
        if (Letters.Count + added > options.Value.Capacity)
        {
            logger.LogError("Dead letters of {ProgramId} are full ({Capacity}); the member is retried until some are replayed or discarded",
                this.GetPrimaryKeyString(), options.Value.Capacity);
            throw new InvalidOperationException($"The dead letters of program '{this.GetPrimaryKeyString()}' are full.");
        }

        foreach (var letter in letters)
        {
            if (held.TryGetValue(letter.Event.EventId, out var index))
            {
                Letters[index] = Letters[index] with { Reason = letter.Reason, LastParkedAt = letter.LastParkedAt, Attempts = Letters[index].Attempts + 1 };
            }
            else
            {
                held[letter.Event.EventId] = Letters.Count;
                Letters.Add(letter);
            }
        }

        await state.WriteStateAsync();
        LoyaltyMetrics.EventsDeadLettered.Add(letters.Length);
        logger.LogWarning("Parked {Count} events of {ProgramId} as dead letters ({Added} new): {Reasons}",
            letters.Length, this.GetPrimaryKeyString(), added, string.Join("; ", letters.Select(l => l.Reason).Distinct()));
    }

    public Task<DeadLetterPage> List(int limit, string? after)
    {
        var start = after is null ? 0 : Letters.FindIndex(l => l.Event.EventId == after) + 1;
        var items = Letters.Skip(start).Take(limit).ToImmutableArray();
        var next = start + items.Length < Letters.Count && items.Length > 0 ? items[^1].Event.EventId : null;
        return Task.FromResult(new DeadLetterPage(Letters.Count, items, next));
    }

    public Task<ImmutableArray<DeadLetter>> Get(ImmutableArray<string> eventIds)
    {
        var wanted = eventIds.ToHashSet(StringComparer.Ordinal);
        return Task.FromResult(Letters.Where(l => wanted.Contains(l.Event.EventId)).ToImmutableArray());
    }

    public Task<ImmutableArray<DeadLetter>> ForMember(string memberId) =>
        Task.FromResult(Letters.Where(l => l.Event.MemberId == memberId).ToImmutableArray());

    public async Task<int> ForgetMember(string memberId)
    {
        var removed = Letters.RemoveAll(l => l.Event.MemberId == memberId);
        if (removed > 0)
        {
            await state.WriteStateAsync();
        }

        return removed;
    }

    public async Task<int> Remove(ImmutableArray<string> eventIds)
    {
        var wanted = eventIds.ToHashSet(StringComparer.Ordinal);
        var removed = Letters.RemoveAll(l => wanted.Contains(l.Event.EventId));
        if (removed > 0)
        {
            await state.WriteStateAsync();
        }

        return removed;
    }
}
