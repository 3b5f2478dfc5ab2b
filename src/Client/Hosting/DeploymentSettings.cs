using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace Loyalty.Client.Hosting;

/// <summary>
/// The settings every silo and gateway of a deployment must share (cluster identity, partition and slice counts),
/// from one file: <c>deploy/loyalty.settings.json</c>, copied next to the binaries of both. Scripts and manifests
/// read it or leave these keys alone, so the values cannot disagree; appsettings, environment and command line may
/// still override them, for one process as for all.
/// </summary>
public static class DeploymentSettings
{
    public const string FileName = "loyalty.settings.json";

    /// <summary>Adds the file below every other source. Missing, it refuses start: the binaries were copied without it.</summary>
    public static IConfigurationManager AddLoyaltyDeploymentSettings(this IConfigurationManager configuration)
    {
        var source = new JsonConfigurationSource { Path = Path.Combine(AppContext.BaseDirectory, FileName), Optional = false };
        source.ResolveFileProvider();
        configuration.Sources.Insert(0, source);
        return configuration;
    }
}
