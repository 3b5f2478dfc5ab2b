using Loyalty.Client.Ingestion;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Events;

/// <summary>
/// Decides whether a batch may be published: only while the lag, plus what this gateway is publishing right now, is
/// under <see cref="IngestionOptions.MaxLag"/>. Requests reserve their events with one interlocked add, so concurrent
/// batches cannot all slip under the bound at once: together they overshoot it by at most the last one admitted.
/// </summary>
public sealed class IngestionAdmission(IIngestionLag lag, IOptions<IngestionOptions> options)
{
    private long publishing;

    public long MaxLag => options.Value.MaxLag;

    public int RetryAfterSeconds => options.Value.RetryAfterSeconds;

    /// <summary>A cheap look before reading the body: false when the bound is reached already.</summary>
    public bool IsOpen => lag.Current.Events + Interlocked.Read(ref publishing) < MaxLag;

    /// <summary>A reservation of <paramref name="events"/>, to dispose once they are published (or refused); null past the bound.</summary>
    public Reservation? TryReserve(int events)
    {
        var before = Interlocked.Add(ref publishing, events) - events;
        if (lag.Current.Events + before < MaxLag)
        {
            return new Reservation(this, events);
        }

        Interlocked.Add(ref publishing, -events);
        return null;
    }

    /// <summary>
    /// Held while publishing: published events count in the lag before the reservation ends, so for a moment they
    /// count twice, never not at all.
    /// </summary>
    public sealed class Reservation(IngestionAdmission owner, int events) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Interlocked.Add(ref owner.publishing, -events);
            }
        }
    }
}
