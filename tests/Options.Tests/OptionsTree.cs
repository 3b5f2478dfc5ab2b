using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Loyalty.Client.Hosting;

namespace Loyalty.Options.Tests;

/// <summary>The configuration tree as the product's assemblies declare it: every section and its keys.</summary>
public static class OptionsTree
{
    public static readonly IReadOnlyList<Assembly> Assemblies = [.. Directory
        .GetFiles(AppContext.BaseDirectory, "Loyalty.*.dll")
        .Where(path => !Path.GetFileName(path).Contains(".Tests", StringComparison.Ordinal))
        .Select(path => Assembly.LoadFrom(path))];

    public static IEnumerable<Type> Sections => Assemblies
        .SelectMany(assembly => assembly.GetTypes())
        .Where(type => type.IsClass && !type.IsAbstract && typeof(ILoyaltyOptions).IsAssignableFrom(type));

    public static IEnumerable<Key> Keys => Sections.SelectMany(type =>
    {
        var section = (string)type.GetProperty(nameof(ILoyaltyOptions.Section), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var defaults = Activator.CreateInstance(type)!;
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanWrite)
            .Select(property => new Key($"{section}:{property.Name}", property, property.GetValue(defaults)));
    });

    public static string RepositoryFile(params string[] parts)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "Loyalty.Orleans.sln")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("The repository root was not found above the test binaries.");
        }

        return Path.Combine([folder.FullName, .. parts]);
    }

    public sealed record Key(string Path, PropertyInfo Property, object? Default)
    {
        public RangeAttribute? Range => Property.GetCustomAttribute<RangeAttribute>();
    }
}
