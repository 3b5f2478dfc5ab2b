using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Loyalty.Client.Telemetry;

public static class LoyaltyTelemetryExtensions
{
    /// <summary>Orleans' meter and activity sources plus our own counters, for silo and gateway alike.</summary>
    /// <param name="moreTracing">Further span sources of the host (e.g. ASP.NET Core), used when traces are exported.</param>
    public static OpenTelemetryBuilder AddLoyaltyTelemetry(
        this IHostApplicationBuilder builder, string serviceName, Action<TracerProviderBuilder>? moreTracing = null)
    {
        var exportOtlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddMeter("Microsoft.Orleans")
                .AddMeter(LoyaltyMetrics.MeterName)
                .AddRuntimeInstrumentation());
        if (exportOtlp)
        {
            // Spans cost CPU on every grain call; they are recorded only when something collects them.
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource("Microsoft.Orleans.Runtime")
                    .AddSource("Microsoft.Orleans.Application")
                    .AddSource("Microsoft.Orleans.Lifecycle")
                    .AddSource("Microsoft.Orleans.Storage")
                    .With(moreTracing))
                .UseOtlpExporter();
        }

        return telemetry;
    }

    private static TracerProviderBuilder With(this TracerProviderBuilder tracing, Action<TracerProviderBuilder>? configure)
    {
        configure?.Invoke(tracing);
        return tracing;
    }
}
