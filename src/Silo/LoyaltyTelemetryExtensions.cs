using Loyalty.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Loyalty.Silo;

public static class LoyaltyTelemetryExtensions
{
    /// <summary>Orleans' meter and activity sources plus our own counters, for silo and gateway alike.</summary>
    public static OpenTelemetryBuilder AddLoyaltyTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddMeter("Microsoft.Orleans")
                .AddMeter(LoyaltyMetrics.MeterName)
                .AddRuntimeInstrumentation())
            .WithTracing(tracing => tracing
                .AddSource("Microsoft.Orleans.Runtime")
                .AddSource("Microsoft.Orleans.Application")
                .AddSource("Microsoft.Orleans.Lifecycle")
                .AddSource("Microsoft.Orleans.Storage"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return telemetry;
    }
}
