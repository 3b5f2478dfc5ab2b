using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Gateway.Tests;

/// <summary>The gateway's endpoint table as tests walk it: each route and method but HEAD, keyed "GET /v1/programs/{programId}/".</summary>
public static class GatewayRoutes
{
    public static IEnumerable<(string Key, RouteEndpoint Endpoint, string Method)> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(method => method != "HEAD")
                .Select(method => ($"{method} {endpoint.RoutePattern.RawText}", endpoint, method)));
}
