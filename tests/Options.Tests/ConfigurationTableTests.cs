using System.Globalization;
using Loyalty.Client.Hosting;

namespace Loyalty.Options.Tests;

/// <summary>The README's configuration table documents every key of the tree, with its true default and bounds.</summary>
public sealed class ConfigurationTableTests
{
    public static TheoryData<string> Keys => [.. OptionsTree.Keys.Select(key => key.Path)];

    [Fact]
    public void The_tree_has_its_sections() =>
        Assert.Superset(
            new HashSet<string> { "Loyalty", "Loyalty:Live", "Loyalty:Notifications", "Loyalty:Programs", "Loyalty:Failover" },
            OptionsTree.Sections.Select(type => (string)type.GetProperty("Section")!.GetValue(null)!).ToHashSet());

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_key_is_documented_with_its_default_and_bounds(string path)
    {
        var key = OptionsTree.Keys.Single(k => k.Path == path);
        Assert.True(ReadmeConfigurationTable.Rows.TryGetValue(path, out var row), $"README.md's configuration table has no row for `{path}`.");

        Assert.True(SameDefault(key, ReadmeConfigurationTable.Unquote(row.Default)),
            $"README.md gives `{path}` the default {row.Default}; the code's is {key.Default}.");
        if (key.Range is { } range)
        {
            Assert.Equal($"`{range.Minimum}`–`{range.Maximum}`", row.Bounds);
        }
    }

    [Fact]
    public void Every_documented_key_is_in_the_tree()
    {
        var keys = OptionsTree.Keys.Select(key => key.Path).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(ReadmeConfigurationTable.Rows.Keys, key => key.StartsWith("Loyalty", StringComparison.Ordinal) && !keys.Contains(key));
    }

    /// <summary>Every options class of the product is a section of the tree, so none escapes the table or start-up checks.</summary>
    [Fact]
    public void Every_options_class_is_a_section()
    {
        var loose = OptionsTree.Assemblies
            .Where(assembly => assembly.GetName().Name != "Loyalty.Streaming.Redis") // a provider library: the tree configures it in code
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.IsClass && type.Name.EndsWith("Options", StringComparison.Ordinal) && !typeof(ILoyaltyOptions).IsAssignableFrom(type));
        Assert.Empty(loose);
    }

    private static bool SameDefault(OptionsTree.Key key, string documented) => key.Default switch
    {
        TimeSpan time => TimeSpan.TryParse(documented, CultureInfo.InvariantCulture, out var parsed) && parsed == time,
        bool flag => documented == (flag ? "true" : "false"),
        IFormattable number => documented == number.ToString(null, CultureInfo.InvariantCulture),
        null => documented == "unset",
        System.Collections.ICollection { Count: 0 } => documented == "none", // a map filled per deployment, such as per-program overrides
        var other => documented == other.ToString(),
    };
}
