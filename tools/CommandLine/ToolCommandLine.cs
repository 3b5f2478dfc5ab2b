using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;

namespace Loyalty.Tools;

/// <summary>
/// How the tools read their command lines: <c>--help</c> prints the options and stops with 0; a command line in error
/// stops with one line naming the problem and exit code 2, the usual code for wrong usage. Linked into each tool.
/// </summary>
internal static class ToolCommandLine
{
    public const int UsageError = 2;

    /// <summary>The exit code when the tool stops at its command line (help asked for, or an error); null to go on.</summary>
    public static int? Stop(ParseResult parsed)
    {
        if (parsed.Action is ParseErrorAction && parsed.Errors is [var first, ..])
        {
            var oneLine = string.Join(' ', first.Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
            Console.Error.WriteLine($"{oneLine} See --help.");
            return UsageError;
        }

        return parsed.Action is null ? null : parsed.Invoke();
    }

    /// <summary>Takes a whole number of at least <paramref name="least"/>; anything else is refused, naming the option.</summary>
    public static Option<int> AtLeast(this Option<int> option, int least) =>
        option.Number(value => value >= least, $"of at least {least}");

    /// <summary>Takes a whole number from <paramref name="least"/> to <paramref name="most"/>; anything else is refused.</summary>
    public static Option<int> Between(this Option<int> option, int least, int most) =>
        option.Number(value => value >= least && value <= most, $"from {least} to {most}");

    private static Option<int> Number(this Option<int> option, Func<int, bool> valid, string range)
    {
        option.CustomParser = result =>
        {
            var token = result.Tokens[0].Value;
            if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || !valid(value))
            {
                result.AddError($"{option.Name} must be a whole number {range}, not {token}.");
            }

            return value;
        };
        return option;
    }
}
