using System.CommandLine;
using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;
using Loyalty.Tools;

namespace Loyalty.Replay;

/// <summary>Command-line options of the replay tool.</summary>
public sealed record ReplayCommand(
    Uri Gateway, string? ProgramId, string? Format, IReadOnlyList<string> Files, SenderOptions Sender, TimeSpan WaitReady, FileInfo? KeyFile)
{
    /// <summary>Where the key comes from when no --key-file is given: never the command line, which others can read.</summary>
    public const string KeyVariable = "LOYALTY_KEY";

    private static readonly Option<FileInfo> KeyFileOption = new Option<FileInfo>("--key-file")
    {
        Description = $"A file holding the key sent as 'Authorization: Bearer' (else the {KeyVariable} environment variable). Creating a program needs the operator key.",
        HelpName = "PATH",
    }.AcceptExistingOnly();

    private static readonly Option<Uri> GatewayOption = new("--gateway")
    {
        Description = "The gateway's base URL.",
        HelpName = "URL",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:5080/"),
        CustomParser = result =>
        {
            if (Uri.TryCreate(result.Tokens[0].Value.TrimEnd('/') + "/", UriKind.Absolute, out var url))
            {
                return url;
            }

            result.AddError($"--gateway {result.Tokens[0].Value} is not an absolute URL.");
            return null;
        },
    };

    private static readonly Option<string?> ProgramOption = new("--program")
    {
        Description = "The program to replay into, instead of the file's own (\"demo\" or \"cdnow\").",
        HelpName = "ID",
    };

    private static readonly Option<string?> FormatOption = new Option<string?>("--format")
    {
        Description = "The log's format, instead of the one its file name says.",
    }.AcceptOnlyFromAmong("online-retail", "cdnow");

    private static readonly Option<int> BatchOption = new Option<int>("--batch")
    {
        Description = "Events per request (the gateway takes up to 5,000).",
        HelpName = "N",
        DefaultValueFactory = _ => new SenderOptions().BatchSize,
    }.Between(1, 5_000);

    private static readonly Option<int> ConcurrencyOption = new Option<int>("--concurrency")
    {
        Description = "Requests in flight at once; each member's events stay in one lane.",
        HelpName = "N",
        DefaultValueFactory = _ => new SenderOptions().Concurrency,
    }.AtLeast(1);

    private static readonly Option<int> WaitReadyOption = new Option<int>("--wait-ready")
    {
        Description = "Seconds to wait for the gateway to be ready before sending; 0 sends at once.",
        HelpName = "SECONDS",
    }.AtLeast(0);

    private static readonly Argument<string[]> FilesArgument = FilesNotOptions(new("FILE")
    {
        Description = "Logs to replay, in order.",
        Arity = ArgumentArity.OneOrMore,
    });

    /// <summary>The tool's command line, for parsing and for --help.</summary>
    public static RootCommand Line { get; } = new(
        """Replays purchase logs into the gateway: online_retail*.csv goes to program "demo", CDNOW*.txt to "cdnow" (created when missing).""")
    {
        GatewayOption, KeyFileOption, ProgramOption, FormatOption, BatchOption, ConcurrencyOption, WaitReadyOption, FilesArgument,
    };

    public static ReplayCommand From(ParseResult parsed) => new(
        parsed.GetRequiredValue(GatewayOption),
        parsed.GetValue(ProgramOption),
        parsed.GetValue(FormatOption),
        parsed.GetRequiredValue(FilesArgument),
        new SenderOptions { BatchSize = parsed.GetValue(BatchOption), Concurrency = parsed.GetValue(ConcurrencyOption) },
        TimeSpan.FromSeconds(parsed.GetValue(WaitReadyOption)),
        parsed.GetValue(KeyFileOption));

    /// <summary>The key to send, from --key-file or the environment; null when neither gives one.</summary>
    public string? Key() =>
        KeyFile is not null ? File.ReadAllText(KeyFile.FullName).Trim()
        : Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } key ? key.Trim()
        : null;

    /// <summary>A misspelt option would otherwise be taken for a file name.</summary>
    private static Argument<string[]> FilesNotOptions(Argument<string[]> files)
    {
        files.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(token => token.Value.StartsWith("--", StringComparison.Ordinal)) is { } unknown)
            {
                result.AddError($"Unknown option {unknown.Value}.");
            }
        });
        return files;
    }

    /// <summary>Reads a log in its format, and names the program it goes to.</summary>
    public (ReplayData Data, string ProgramId, string? CreateWith) Load(string file)
    {
        var format = Format ?? (Path.GetFileName(file).StartsWith("CDNOW", StringComparison.OrdinalIgnoreCase) ? "cdnow" : "online-retail");
        return format switch
        {
            "cdnow" => (CdnowReader.Read(file), ProgramId ?? "cdnow", GatewayPreparation.CdnowProgramJson),
            _ => (OnlineRetailReader.Read(file), ProgramId ?? "demo", null),
        };
    }
}
