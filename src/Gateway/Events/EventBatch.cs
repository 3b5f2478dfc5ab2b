using System.Text.Json;
using Loyalty.Grains.Interfaces.Events;

namespace Loyalty.Gateway.Events;

/// <summary>The items of one request after validation: the valid events, and a verdict slot for every item in order.</summary>
public sealed class EventBatch
{
    private readonly EventResult?[] verdicts;
    private readonly List<(int Index, MemberEvent Event)> valid = [];

    private EventBatch(int count) => verdicts = new EventResult?[count];

    public IReadOnlyList<MemberEvent> Valid => [.. valid.Select(v => v.Event)];

    public static EventBatch Read(JsonElement items, EventItemReader reader)
    {
        var batch = new EventBatch(items.GetArrayLength());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            try
            {
                var e = reader.Read(item);
                batch.verdicts[index] = seen.Add(e.EventId) ? null : new EventResult(e.EventId, EventStatus.Duplicate);
                if (batch.verdicts[index] is null)
                {
                    batch.valid.Add((index, e));
                }
            }
            catch (EventFieldException e)
            {
                batch.verdicts[index] = new EventResult(
                    EventItemReader.PeekEventId(item), EventStatus.Rejected, $"[{index}].{e.Field}", e.Message);
            }

            index++;
        }

        return batch;
    }

    /// <summary>Completes the verdicts once it is known which event ids were seen before, with notes on accepted items.</summary>
    public EventBatchResponse Answer(IReadOnlySet<string> duplicates, IReadOnlyDictionary<string, string> notes)
    {
        foreach (var (index, e) in valid)
        {
            verdicts[index] = duplicates.Contains(e.EventId)
                ? new EventResult(e.EventId, EventStatus.Duplicate)
                : new EventResult(e.EventId, EventStatus.Accepted, Note: notes.GetValueOrDefault(e.EventId));
        }

        var results = verdicts.Select(v => v!).ToArray();
        return new EventBatchResponse(
            results.Count(r => r.Status == EventStatus.Accepted),
            results.Count(r => r.Status == EventStatus.Duplicate),
            results.Count(r => r.Status == EventStatus.Rejected),
            results);
    }
}
