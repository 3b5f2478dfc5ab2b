using Loyalty.Client.Telemetry;
using Loyalty.Client.Hosting;
using Loyalty.Client;
using System.Text.Json;
using System.Text.Json.Serialization;
using Loyalty.Gateway.Audit;
using Loyalty.Gateway.Challenges;
using Loyalty.Gateway.Cors;
using Loyalty.Gateway.Dashboard;
using Loyalty.Gateway.DeadLetters;
using Loyalty.Gateway.Events;
using Loyalty.Gateway.Health;
using Loyalty.Gateway.Http;
using Loyalty.Gateway.Leaderboards;
using Loyalty.Gateway.Live;
using Loyalty.Gateway.Members;
using Loyalty.Gateway.OpenApi;
using Loyalty.Gateway.Programs;
using Loyalty.Gateway.RateLimits;
using Loyalty.Gateway.Referrals;
using Loyalty.Gateway.Rewards;
using Loyalty.Gateway.Security;
using Loyalty.Client.Ingestion;
using Loyalty.Client.Programs;
using Loyalty.Client.Redis;
using Loyalty.Silo;
using Loyalty.Silo.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Loyalty.Gateway;

/// <summary>The HTTP gateway. In the embedded profile it co-hosts a silo, so one process is the whole product.</summary>
public static class GatewayApp
{
    public static WebApplication Build(string[] args) => Build(args, _ => { });

    /// <param name="configure">A last say over the builder, for tests and benchmarks.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder> configure)
    {
        // appsettings.json and wwwroot are found next to the binaries, whatever the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var hosting = builder.AddLoyaltyCluster();

        builder.Logging.AddFilter("Polly", LogLevel.Warning);

        builder.Services.AddLoyaltyClock();
        builder.Services.AddProgramRulesCache();
        builder.Services.AddSingleton(new EventIdHasher());
        builder.Services.AddSingleton(services => new MemberEventPublisher(
            services.GetRequiredService<IClusterClient>(), services.GetRequiredService<IEventIdIndex>(), services.GetRequiredService<EventIdHasher>(),
            hosting.StreamPartitions, services.GetRequiredService<ILogger<MemberEventPublisher>>(), services.GetRequiredService<IPublicationCounter>()));
        builder.AddIngestionBackPressure(hosting);
        builder.AddLoyaltySecurity(hosting);
        builder.Services.AddLoyaltyRateLimits();
        if (hosting.IsRedis)
        {
            builder.Services.AddLoyaltyRedis(hosting);
            builder.Services.AddSingleton<IEventIdIndex>(services => new RedisEventIdIndex(services.GetRequiredService<LoyaltyRedis>(),
                $"{hosting.ServiceId}:seen", hosting.DuplicateWindow, hosting.DuplicateIndexPeakRate));
        }
        else
        {
            builder.Services.AddSingleton<IEventIdIndex>(new LocalEventIdIndex(hosting.DuplicateWindow, hosting.DuplicateIndexCapacity));
        }
        builder.Services.AddSingleton<ReturnNotes>();
        builder.Services.AddSingleton<LiveFeeds>();
        builder.Services.AddLoyaltyOptions<LiveOptions>();
        builder.Services.AddLoyaltyOptions<HealthOptions>();
        if (hosting.SeedDemoProgram)
        {
            builder.Services.AddHostedService<DemoProgram>();
        }

        builder.AddHttpLimits();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict; // the Web defaults read "5" as 5
            json.SerializerOptions.AllowDuplicateProperties = false;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        builder.Services.AddProgramCors();
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = JsonContentType.NameTheHeader);
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        builder.Services.AddExceptionHandler<ClusterUnavailableExceptionHandler>();
        builder.Services.AddExceptionHandler<BadParameterExceptionHandler>();

        // A query value that does not bind is thrown, so BadParameterExceptionHandler can name it.
        builder.Services.Configure<RouteHandlerOptions>(routing => routing.ThrowOnBadRequest = true);
        builder.Services.AddApiDocument();
        var health = builder.Services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"])
            .AddCheck<IngestionLagHealthCheck>("ingestion", tags: ["ready"]);
        if (hosting.IsRedis)
        {
            builder.Services.AddSingleton<RedisHealthCheck>();
            health.AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        }

        builder.AddLoyaltyTelemetry("loyalty-gateway", tracing => tracing.AddAspNetCoreInstrumentation())
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddPrometheusExporter());

        configure(builder);

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Kestrel's own refusals (body too large, bad framing) keep their 4xx status.
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        // Before authentication: a browser's preflight carries no credentials, and is answered here.
        app.UseCors();
        app.UseAuthentication();
        app.UseMiddleware<CrossSiteRequests>(); // before anything a cookie-signed request could change
        app.UseRateLimiter(); // before authorization: refused requests of a credential count too
        app.UseAuthorization();
        app.UseMiddleware<AuditRecording>();

        // Every route below has its path ids and body type checked before its handler runs, and answers HEAD wherever it answers GET.
        var api = app.MapGroup("").ValidatingRouteIds().RequiringJsonBodies().AnsweringHead();
        api.MapApiDocument();
        api.MapPrometheusScrapingEndpoint().WithMetadata(HeadRequests.GetOrHead).ForOperators();
        api.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithMetadata(HeadRequests.GetOrHead).ForEveryone();
        api.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
            ResponseWriter = HealthJson.Write,
        }).WithMetadata(HeadRequests.GetOrHead).ForEveryone();

        // Every API route can answer a bad id or parameter (400) and an unreachable cluster (503).
        var v1 = api.MapGroup("").AnsweringCommonProblems();
        v1.MapProgramEndpoints();
        v1.MapEventEndpoints();
        v1.MapMemberEndpoints();
        v1.MapMemberListingEndpoints();
        v1.MapLeaderboardEndpoints();
        v1.MapLiveEndpoints();
        v1.MapRewardEndpoints();
        v1.MapChallengeEndpoints();
        v1.MapProfileEndpoints();
        v1.MapPrivacyEndpoints();
        v1.MapRedemptionEndpoints();
        v1.MapAdjustmentEndpoints();
        v1.MapReferralEndpoints();
        v1.MapDeadLetterEndpoints();
        v1.MapKeyEndpoints();
        v1.MapMemberTokenEndpoints();
        v1.MapAuditEndpoints();
        v1.MapTokenSigningEndpoints();
        v1.MapKpiEndpoints();
        v1.MapSessionEndpoints();
        api.MapLoyaltyDashboard();
        return app;
    }
}
