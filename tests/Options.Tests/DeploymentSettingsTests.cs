using System.Text.RegularExpressions;
using Loyalty.Client.Hosting;
using Microsoft.Extensions.Configuration;

namespace Loyalty.Options.Tests;

/// <summary>
/// deploy/loyalty.settings.json is the one source of what every process of a deployment must share: the binaries
/// carry it, and no script, manifest or appsettings file sets those keys again.
/// </summary>
public sealed class DeploymentSettingsTests
{
    private static readonly string[] SharedKeys = ["ClusterId", "ServiceId", "StreamPartitions", "Shards", "Slices"];

    private static readonly IConfiguration Shared = new ConfigurationBuilder()
        .AddJsonFile(OptionsTree.RepositoryFile("deploy", DeploymentSettings.FileName)).Build();

    [Fact]
    public void The_file_holds_the_shared_keys_with_valid_values()
    {
        foreach (var key in new[] { "Loyalty:ClusterId", "Loyalty:ServiceId", "Loyalty:StreamPartitions", "Loyalty:Leaderboards:Shards", "Loyalty:DueWork:Slices", "Loyalty:Notifications:Slices", "Loyalty:Kpis:Slices" })
        {
            Assert.False(string.IsNullOrEmpty(Shared[key]), $"{DeploymentSettings.FileName} does not set {key}.");
        }

        LoyaltyHostingOptions.From(Shared);
    }

    [Fact]
    public void Silo_and_gateway_binaries_carry_the_file() =>
        Assert.Equal(
            File.ReadAllText(OptionsTree.RepositoryFile("deploy", DeploymentSettings.FileName)),
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, DeploymentSettings.FileName)));

    [Fact]
    public void The_silo_pods_are_labelled_with_the_files_cluster_identity()
    {
        var silo = File.ReadAllText(OptionsTree.RepositoryFile("deploy", "k8s", "silo.yaml"));
        Assert.Equal(Shared["Loyalty:ServiceId"], Label(silo, "orleans/serviceId"));
        Assert.Equal(Shared["Loyalty:ClusterId"], Label(silo, "orleans/clusterId"));
    }

    [Fact]
    public void No_script_manifest_or_appsettings_sets_a_shared_key_again()
    {
        var files = Directory.GetFiles(OptionsTree.RepositoryFile("deploy"), "*", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path) != DeploymentSettings.FileName)
            .Concat(Directory.GetFiles(OptionsTree.RepositoryFile("src"), "appsettings*.json", SearchOption.AllDirectories).Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal)))
            .Append(OptionsTree.RepositoryFile("run.sh"));
        var setting = new Regex($@"(Loyalty__(\w+__)?|""|--Loyalty:(\w+:)?)({string.Join('|', SharedKeys)})\b(""\s*:|=|,)|ORLEANS_(SERVICE|CLUSTER)_ID");

        Assert.DoesNotContain(files, path => setting.IsMatch(File.ReadAllText(path)));
    }

    private static string Label(string manifest, string label) =>
        Regex.Match(manifest, $@"{Regex.Escape(label)}:\s*(?<value>[A-Za-z0-9._-]+)").Groups["value"].Value;
}
