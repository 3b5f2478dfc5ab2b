using System.Text.RegularExpressions;

namespace Loyalty.Domain;

/// <summary>
/// Names of engagement kinds: <c>review</c>, <c>social-share</c>, <c>app-open</c>, <c>sign-up</c> or a program's
/// own, all written the same way (lower-case letters, digits and single hyphens inside), so a rule, a badge and an
/// event name a kind alike.
/// </summary>
public static partial class EngagementKinds
{
    public const int MaxLength = 64;

    public const string Rule = "must be 1-64 lower-case letters, digits and single hyphens, such as review or social-share";

    public static bool IsValid(string? kind) => kind is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(kind);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
