using Loyalty.Client.Telemetry;
using Loyalty.Client.Hosting;
using Loyalty.Silo;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A silo process of its own. In the embedded profile the gateway co-hosts its silo; in the Redis profile silos run
// as processes like this one and the gateways join the cluster as clients.
var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddLoyaltyDeploymentSettings();
builder.UseOrleans(silo => silo.AddLoyaltySilo(builder.Configuration));
builder.Logging.AddFilter("Polly", LogLevel.Warning);
builder.AddLoyaltyTelemetry("loyalty-silo");
await builder.Build().RunAsync();

/// <summary>The silo's entry point stays its own: the gateway, which references this project, has the public Program.</summary>
internal sealed partial class Program;
