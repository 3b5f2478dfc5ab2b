namespace Loyalty.Options.Tests;

/// <summary>The rows of the README's configuration table, by key: key, default, bounds, what it does.</summary>
public static class ReadmeConfigurationTable
{
    public static IReadOnlyDictionary<string, Row> Rows { get; } = Read();

    private static Dictionary<string, Row> Read()
    {
        var lines = File.ReadAllLines(OptionsTree.RepositoryFile("README.md"));
        var start = Array.IndexOf(lines, "## Configuration");
        Assert.True(start >= 0, "README.md has no \"## Configuration\" section.");
        return lines.Skip(start + 1)
            .TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => new Row(Unquote(cells[1]), cells[2], cells[3]))
            .ToDictionary(row => row.Key, StringComparer.Ordinal);
    }

    /// <summary>The first `quoted` value of a cell, or the cell as it is.</summary>
    public static string Unquote(string cell)
    {
        var parts = cell.Split('`');
        return parts.Length >= 3 ? parts[1] : cell;
    }

    public sealed record Row(string Key, string Default, string Bounds);
}
