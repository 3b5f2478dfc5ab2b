using System.Diagnostics;
using Loyalty.Replay.Data;
using Npgsql;

namespace Loyalty.Bench.Ingest;

/// <summary>
/// What a team would build without the product: one PostgreSQL transaction per event that adds the points to the
/// member's balance row and appends a ledger row (its event id the primary key, so a resend fails instead of counting
/// twice), from 8 concurrent clients, each member's events on one client in log order. Balance rows exist before the
/// clock starts, as for pgbench. Each transaction is one round trip (an Npgsql batch runs in one implicit transaction).
/// </summary>
public static class PostgresBaseline
{
    public const int Clients = 8;

    /// <summary>Applied events/s, or null with the reason when PostgreSQL could not be started or used.</summary>
    public sealed record Result(double? EventsPerSecond, int Events, TimeSpan Elapsed, string? Failure)
    {
        public string Describe() => Failure is null ? $"{EventsPerSecond:N0} events/s" : $"not measured: {Failure}";
    }

    public static async Task<Result> Run(IReadOnlyList<ReplayEvent> events)
    {
        try
        {
            await using var server = await ThrowawayPostgres.Start();
            await using var source = NpgsqlDataSource.Create(server.ConnectionString);
            await CreateSchema(source, events);

            // A short pass first under other ids, so Npgsql's code and the statements are prepared before the clock starts.
            await Apply(source, events.Take(5_000).WithIdSuffix("-warmup"));
            var elapsed = await Apply(source, events);
            return new Result(events.Count / elapsed.TotalSeconds, events.Count, elapsed, null);
        }
        catch (Exception e) when (e is InvalidOperationException or NpgsqlException or IOException)
        {
            return new Result(null, events.Count, TimeSpan.Zero, e.Message);
        }
    }

    private static async Task CreateSchema(NpgsqlDataSource source, IReadOnlyList<ReplayEvent> events)
    {
        await using (var create = source.CreateCommand("""
            CREATE TABLE balance (member text PRIMARY KEY, points bigint NOT NULL, spend_minor bigint NOT NULL);
            CREATE TABLE ledger (event_id text PRIMARY KEY, member text NOT NULL, points bigint NOT NULL, occurred_at timestamptz NOT NULL);
            """))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var connection = await source.OpenConnectionAsync();
        await using var import = await connection.BeginBinaryImportAsync("COPY balance (member, points, spend_minor) FROM STDIN (FORMAT BINARY)");
        foreach (var member in events.Select(e => e.MemberId).Distinct())
        {
            await import.WriteRowAsync(default, member, 0L, 0L);
        }

        await import.CompleteAsync();
    }

    private static async Task<TimeSpan> Apply(NpgsqlDataSource source, IReadOnlyList<ReplayEvent> events)
    {
        var lanes = events.GroupBy(e => (uint)StringComparer.Ordinal.GetHashCode(e.MemberId) % Clients).Select(lane => lane.ToList()).ToList();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(lanes.Select(lane => Task.Run(() => ApplyLane(source, lane))));
        return clock.Elapsed;
    }

    private static async Task ApplyLane(NpgsqlDataSource source, List<ReplayEvent> lane)
    {
        await using var connection = await source.OpenConnectionAsync();
        foreach (var e in lane)
        {
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("UPDATE balance SET points = points + $1, spend_minor = spend_minor + $2 WHERE member = $3")
                    {
                        Parameters = { new() { Value = e.AmountMinor / 100 }, new() { Value = e.AmountMinor }, new() { Value = e.MemberId } },
                    },
                    new NpgsqlBatchCommand("INSERT INTO ledger (event_id, member, points, occurred_at) VALUES ($1, $2, $3, $4)")
                    {
                        Parameters = { new() { Value = e.EventId }, new() { Value = e.MemberId }, new() { Value = e.AmountMinor / 100 }, new() { Value = e.OccurredAt.ToUniversalTime() } },
                    },
                },
            };
            await batch.ExecuteNonQueryAsync();
        }
    }
}
