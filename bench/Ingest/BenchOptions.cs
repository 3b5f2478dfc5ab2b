namespace Loyalty.Bench.Ingest;

/// <summary>What one run measures; read from the command line by <see cref="BenchCommandLine"/>.</summary>
/// <param name="Probes">Read-your-writes probes, on the idle system and again under load.</param>
/// <param name="ProbeIntervalMs">Least time between the starts of two probes.</param>
/// <param name="LoadBatch">Events per request of the steady load.</param>
/// <param name="Postgres">Whether to measure the PostgreSQL baseline.</param>
/// <param name="LoadRate">Events/s of the steady load under which freshness is measured; 0: half the applied capacity measured in the run.</param>
public sealed record BenchOptions(
    string DataFile, int Events, int BatchSize, int Concurrency, string Profile, int Warmups, int Ids,
    int Probes, int ProbeIntervalMs, int LoadBatch, bool Postgres, int LoadRate)
{
    public TimeSpan ProbeInterval => TimeSpan.FromMilliseconds(ProbeIntervalMs);

    /// <summary>The steady load's events/s: <see cref="LoadRate"/> when given, else half of <paramref name="appliedCapacity"/>.</summary>
    public double SteadyLoad(double appliedCapacity) => LoadRate > 0 ? LoadRate : appliedCapacity / 2;

    /// <summary>Says where the steady load's rate came from.</summary>
    public string DescribeSteadyLoad(double appliedCapacity) =>
        LoadRate > 0 ? $"--load-rate; the returning members' applied capacity was {appliedCapacity:N0} events/s" : $"half of the returning members' applied {appliedCapacity:N0} events/s";
}
