using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;
using Spectre.Console;

namespace Loyalty.Replay;

/// <summary>Progress while a replay runs (a bar on a terminal, a line every few seconds otherwise) and its summary.</summary>
public static class ReplayConsole
{
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(3);

    public static async Task<ReplaySummary> Run(EventBatchSender sender, string programId, ReplayData data)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var last = DateTime.UtcNow;
            var lines = new Progress<ReplayProgress>(p =>
            {
                if (DateTime.UtcNow - last >= LineInterval || p.Done == p.Total)
                {
                    last = DateTime.UtcNow;
                    Console.WriteLine($"  {p.Done:N0} / {p.Total:N0} events");
                }
            });
            return await sender.SendAsync(programId, data.Events, lines);
        }

        ReplaySummary? summary = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("replaying", maxValue: Math.Max(1, data.Events.Count));
                summary = await sender.SendAsync(programId, data.Events, new Progress<ReplayProgress>(p => task.Value = p.Done));
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    public static void Print(ReplaySummary summary, ReplayData data)
    {
        var table = new Table().AddColumns("events/s", "accepted", "duplicate", "rejected", "skipped", "retries", "seconds");
        table.AddRow(
            $"{summary.EventsPerSecond:N0}", $"{summary.Accepted:N0}", $"{summary.Duplicates:N0}", $"{summary.Rejected:N0}",
            $"{data.SkippedTotal:N0}", $"{summary.Retries:N0}", $"{summary.Elapsed.TotalSeconds:N1}");
        AnsiConsole.Write(table);
        foreach (var (reason, count) in data.Skipped)
        {
            AnsiConsole.MarkupLineInterpolated($"  skipped {count:N0}: {reason}");
        }

        foreach (var error in summary.Errors)
        {
            AnsiConsole.MarkupLineInterpolated($"  [red]{error}[/]");
        }

        if (summary.FailedBatches > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"  [red]{summary.FailedBatches} batch(es) failed[/]");
        }
    }
}
