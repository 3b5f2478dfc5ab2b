using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Loyalty.Gateway.Tests;

/// <summary>The gateway's layers, read from its compiled references rather than trusted to review.</summary>
public sealed class LayerTests
{
    [Fact]
    public void The_gateway_meets_the_silo_project_only_through_its_hosting_extension_and_never_uses_grain_implementations()
    {
        var used = TypesUsedBy(typeof(GatewayApp).Assembly.Location);

        Assert.DoesNotContain(used, type => type.Assembly == "Loyalty.Grains");
        Assert.Equal(["Loyalty.Silo.LoyaltyClusterHosting"], used.Where(type => type.Assembly == "Loyalty.Silo").Select(type => type.Name).Distinct());
        Assert.Contains(used, type => type.Assembly == "Loyalty.Client"); // the check reads what it should
    }

    private static List<(string Assembly, string Name)> TypesUsedBy(string assemblyPath)
    {
        using var file = File.OpenRead(assemblyPath);
        using var image = new PEReader(file);
        var metadata = image.GetMetadataReader();
        return [.. metadata.TypeReferences
            .Select(metadata.GetTypeReference)
            .Where(type => type.ResolutionScope.Kind == HandleKind.AssemblyReference)
            .Select(type => (
                metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name),
                $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}"))];
    }
}
