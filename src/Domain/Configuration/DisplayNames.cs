namespace Loyalty.Domain;

/// <summary>Names members and staff read (programs, tiers, badges, rewards, challenges): printable text of bounded length.</summary>
public static class DisplayNames
{
    /// <summary>Not blank, at most <paramref name="maxLength"/> characters, and no control characters (NUL, ESC, line breaks).</summary>
    public static bool IsValid(string? name, int maxLength = 200) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= maxLength && !name.Any(char.IsControl);

    public static string Rule(int maxLength = 200) => $"is required: at most {maxLength} printable characters";
}
