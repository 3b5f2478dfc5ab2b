using System.Diagnostics.Metrics;
using Loyalty.Client.Telemetry;

namespace Loyalty.Bench.Ingest;

/// <summary>Counts events applied by member grains in this process, from the product's own meter.</summary>
public sealed class AppliedEventsCounter : IDisposable
{
    private readonly MeterListener listener = new();
    private long applied;

    public AppliedEventsCounter()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == LoyaltyMetrics.MeterName && instrument.Name == "loyalty.events.applied")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref applied, value));
        listener.Start();
    }

    public void Reset() => Interlocked.Exchange(ref applied, 0);

    /// <summary>Polls until <paramref name="count"/> events were applied; false when the deadline passed first.</summary>
    public async Task<bool> WaitFor(long count, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (Interlocked.Read(ref applied) < count)
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }

    public void Dispose() => listener.Dispose();
}
