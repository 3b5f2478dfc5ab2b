using Loyalty.Silo;
using Microsoft.Extensions.Hosting;

// A stand-alone silo. The gateway co-hosts one in the embedded profile; this process is for running silos apart.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.AddLoyaltyEmbeddedSilo(builder.Configuration));
builder.AddLoyaltyTelemetry("loyalty-silo");
await builder.Build().RunAsync();
