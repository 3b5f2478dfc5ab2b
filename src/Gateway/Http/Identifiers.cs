using System.Text.RegularExpressions;

namespace Loyalty.Gateway.Http;

/// <summary>
/// Program and member ids become parts of grain keys, so they are restricted to characters that never need
/// escaping and never contain the key separator '/'.
/// </summary>
public static partial class Identifiers
{
    public const int MaxLength = 128;

    public static bool IsValid(string? id) => id is not null && IdPattern().IsMatch(id);

    public const string Rule = "1-128 characters: letters, digits and . _ - : @ +, starting with a letter or digit";

    public const string EventIdRule = "must be 1-128 printable characters";

    /// <summary>Event ids are only compared, never used as keys: any printable text up to 128 characters.</summary>
    public static bool IsValidEventId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= MaxLength && !id.Any(char.IsControl);

    // \z, not $: $ also matches before a final newline, which would let "x\n" pass as a look-alike of "x".
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._:@+\-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
