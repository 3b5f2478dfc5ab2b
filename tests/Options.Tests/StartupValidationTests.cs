using System.Net;
using System.Net.Sockets;
using Loyalty.Client.Hosting;
using Loyalty.Gateway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Loyalty.Options.Tests;

/// <summary>Every section is checked at start: defaults pass, and a bad value refuses start naming its key.</summary>
public sealed class StartupValidationTests
{
    public static TheoryData<string> Sections => [.. OptionsTree.Sections.Select(type => type.FullName!)];

    [Theory]
    [MemberData(nameof(Sections))]
    public void Defaults_are_valid(string section)
    {
        var type = OptionsTree.Sections.Single(t => t.FullName == section);
        var validator = Activator.CreateInstance(typeof(LoyaltyOptionsValidator<>).MakeGenericType(type))!;
        var result = (ValidateOptionsResult)validator.GetType().GetMethod("Validate")!.Invoke(validator, [null, Activator.CreateInstance(type)])!;

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("Loyalty:StreamPartitions", "0", "The field Loyalty:StreamPartitions must be between 1 and 256. It is 0.")]
    [InlineData("Loyalty:Profile", "cloud", "Loyalty:Profile must be \"embedded\", \"redis\" or \"azure\". It is cloud.")]
    [InlineData("Loyalty:ClusterId", "two words", "Loyalty:ClusterId must be 1 to 63 letters")]
    public void A_bad_root_value_stops_the_process_before_anything_is_built(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        var refused = Assert.Throws<OptionsValidationException>(() => LoyaltyHostingOptions.From(configuration));
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Loyalty:AzureStorage:TableServiceUri", "https://account.table.core.windows.net", "TableServiceUri and Loyalty:AzureStorage:QueueServiceUri are set together")]
    [InlineData("Loyalty:AzureStorage:ConnectionString", " ", "Loyalty:AzureStorage:ConnectionString is required unless both service URIs are set")]
    public void Azure_storage_is_named_by_a_connection_string_or_both_service_uris(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        var refused = Assert.Throws<OptionsValidationException>(() => Loyalty.Client.Azure.AzureStorageOptions.From(configuration));
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.True(Loyalty.Client.Azure.AzureStorageOptions.From(new ConfigurationBuilder().AddInMemoryCollection([
            new("Loyalty:AzureStorage:TableServiceUri", "https://account.table.core.windows.net"),
            new("Loyalty:AzureStorage:QueueServiceUri", "https://account.queue.core.windows.net")]).Build()).UsesServiceUris);
    }

    [Theory]
    [InlineData("Loyalty:Live:Heartbeat", "00:00:00", "Loyalty:Live:Heartbeat must be between 00:00:01 and 00:10:00")]
    [InlineData("Loyalty:DueWork:Slices", "0", "Loyalty:DueWork:Slices must be between 1 and 1024")]
    [InlineData("Loyalty:Programs:RulesCacheMaxAge", "01:00:00", "Loyalty:Programs:RulesCacheMaxAge must be between")]
    [InlineData("Loyalty:StreamRetries:DeliveryMaxDelay", "00:00:00.010", "Loyalty:StreamRetries:DeliveryMaxDelay must be at least Loyalty:StreamRetries:DeliveryFirstDelay")]
    [InlineData("Loyalty:Notifications:MaxBackoff", "00:00:00.500", "Loyalty:Notifications:MaxBackoff must be at least Loyalty:Notifications:InitialBackoff")]
    [InlineData("Loyalty:Health:CheckTimeout", "-00:00:01", "Loyalty:Health:CheckTimeout must be between")]
    [InlineData("Loyalty:RateLimits:MemberRequestsPerSecond", "0", "The field Loyalty:RateLimits:MemberRequestsPerSecond must be between 1 and 1000000. It is 0.")]
    [InlineData("Loyalty:RateLimits:EventBurst", "4999", "The field Loyalty:RateLimits:EventBurst must be between 5000 and 100000000. It is 4999.")]
    [InlineData("Loyalty:RateLimits:AppBurst", "10", "Loyalty:RateLimits:AppBurst must be at least Loyalty:RateLimits:AppRequestsPerSecond (500). It is 10.")]
    [InlineData("Loyalty:RateLimits:Programs:shop:MemberBurst", "0", "The field Loyalty:RateLimits:Programs:shop:MemberBurst must be between 1 and 1000000. It is 0.")]
    [InlineData("Loyalty:RateLimits:Programs:shop:EventsPerSecond", "50000",
        "Loyalty:RateLimits:Programs:shop:EventBurst must be at least Loyalty:RateLimits:Programs:shop:EventsPerSecond (50000). It is 40000.")]
    public async Task The_gateway_refuses_to_start_with_a_bad_value_naming_its_key(string key, string value, string message)
    {
        await using var gateway = GatewayApp.Build([$"--{key}={value}", $"--Loyalty:SiloPort={FreePort()}", $"--Loyalty:GatewayPort={FreePort()}", "--urls=http://127.0.0.1:0"]);

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => gateway.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
