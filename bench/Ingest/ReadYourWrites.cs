namespace Loyalty.Bench.Ingest;

/// <summary>
/// How long after the events call answers a new member shows in the member view and in the points board's top N
/// (<see cref="FreshnessProbe"/>): probes one after another, at least <c>interval</c> apart.
/// </summary>
public static class ReadYourWrites
{
    public sealed record Result(int Samples, double MemberP50, double MemberP99, double BoardP50, double BoardP99)
    {
        public string Describe() =>
            $"{Samples} probes: member view p50 {MemberP50:N1} ms, p99 {MemberP99:N1} ms; top {FreshnessProbe.TopN} p50 {BoardP50:N1} ms, p99 {BoardP99:N1} ms";
    }

    public static async Task<Result> Measure(HttpClient http, string program, string prefix, int samples, TimeSpan interval)
    {
        var probe = new FreshnessProbe(http, program, prefix);
        var member = new List<double>(samples);
        var board = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var next = Task.Delay(interval);
            var sample = await probe.Run();
            member.Add(sample.MemberMs);
            board.Add(sample.BoardMs);
            await next;
        }

        return new Result(samples, Percentiles.Of(member, 50), Percentiles.Of(member, 99), Percentiles.Of(board, 50), Percentiles.Of(board, 99));
    }
}
