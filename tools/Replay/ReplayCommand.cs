using System.Globalization;
using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;

namespace Loyalty.Replay;

/// <summary>Command-line options of the replay tool.</summary>
public sealed record ReplayCommand(
    Uri Gateway, string? ProgramId, string? Format, IReadOnlyList<string> Files, SenderOptions Sender, TimeSpan WaitReady)
{
    public const string Usage = """
        usage: replay [--gateway URL] [--program ID] [--format online-retail|cdnow] [--batch N] [--concurrency N]
                      [--wait-ready SECONDS] FILE...
          online_retail*.csv goes to program "demo", CDNOW*.txt to "cdnow" (created when missing).
        """;

    public static ReplayCommand Parse(string[] args)
    {
        var gateway = new Uri("http://127.0.0.1:5080/");
        string? program = null, format = null;
        var sender = new SenderOptions();
        var waitReady = TimeSpan.Zero;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Value(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--gateway": gateway = new Uri(Value().TrimEnd('/') + "/"); break;
                case "--program": program = Value(); break;
                case "--format": format = Value(); break;
                case "--batch": sender = sender with { BatchSize = Number() }; break;
                case "--concurrency": sender = sender with { Concurrency = Number() }; break;
                case "--wait-ready": waitReady = TimeSpan.FromSeconds(Number()); break;
                case var flag when flag.StartsWith("--", StringComparison.Ordinal): throw new ArgumentException($"Unknown option {flag}.");
                default: files.Add(args[i]); break;
            }
        }

        if (files.Count == 0)
        {
            throw new ArgumentException("Name at least one file.");
        }

        if (sender.BatchSize is < 1 or > 5_000 || sender.Concurrency < 1)
        {
            throw new ArgumentException("--batch must be 1-5000 and --concurrency at least 1.");
        }

        return new ReplayCommand(gateway, program, format, files, sender, waitReady);
    }

    /// <summary>Reads a log in its format, and names the program it goes to.</summary>
    public (ReplayData Data, string ProgramId, string? CreateWith) Load(string file)
    {
        var format = Format ?? (Path.GetFileName(file).StartsWith("CDNOW", StringComparison.OrdinalIgnoreCase) ? "cdnow" : "online-retail");
        return format switch
        {
            "cdnow" => (CdnowReader.Read(file), ProgramId ?? "cdnow", GatewayPreparation.CdnowProgramJson),
            "online-retail" => (OnlineRetailReader.Read(file), ProgramId ?? "demo", null),
            _ => throw new ArgumentException($"Unknown format {format}."),
        };
    }
}
