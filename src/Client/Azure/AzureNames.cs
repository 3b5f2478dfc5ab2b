using System.Text;

namespace Loyalty.Client.Azure;

/// <summary>
/// Names and keys as Azure Storage accepts them. Table names are 3–63 letters and digits; queue names lowercase
/// letters, digits and single dashes; keys must not hold '/', '\', '#', '?' or control characters. The service id
/// (letters, digits, '.', '_', '-') prefixes every table and queue of a deployment.
/// </summary>
public static class AzureNames
{
    public static string Table(string serviceId, string what)
    {
        var letters = new string([.. (serviceId + what).Where(char.IsAsciiLetterOrDigit)]);
        var name = char.IsAsciiLetter(letters[0]) ? letters : "t" + letters;
        return name.Length <= 63 ? name : name[..63];
    }

    /// <summary>The queue of one member-events partition.</summary>
    public static string Queue(string serviceId, int partition)
    {
        var lower = new StringBuilder();
        foreach (var c in serviceId.ToLowerInvariant())
        {
            var next = char.IsAsciiLetterOrDigit(c) ? c : '-';
            if (next != '-' || (lower.Length > 0 && lower[^1] != '-'))
            {
                lower.Append(next);
            }
        }

        var prefix = lower.ToString().Trim('-');
        prefix = prefix.Length == 0 ? "loyalty" : prefix[..Math.Min(prefix.Length, 40)].TrimEnd('-');
        return $"{prefix}-member-events-{partition}";
    }

    /// <summary>A key safe for PartitionKey or RowKey: the forbidden characters and '%' escaped as %XX, order of plain text kept.</summary>
    public static string Key(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (NeedsEscape(c))
            {
                escaped.Append('%').Append(((byte)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    public static string Unkey(string key)
    {
        if (!key.Contains('%'))
        {
            return key;
        }

        var text = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '%' && i + 2 < key.Length)
            {
                text.Append((char)int.Parse(key.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                text.Append(key[i]);
            }
        }

        return text.ToString();
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
