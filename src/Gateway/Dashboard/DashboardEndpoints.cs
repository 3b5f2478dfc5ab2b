using Loyalty.Gateway.Http;
using Loyalty.Gateway.Security;
using Orleans.Dashboard;

namespace Loyalty.Gateway.Dashboard;

/// <summary>
/// The Orleans dashboard (silos, grain activations, calls and their times) at <see cref="Path"/>, for operators:
/// the operator key as a bearer credential, or a browser signed in with it (the page cannot send a header). Every
/// silo of every profile collects its side; this serves the page and its API from the cluster.
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/dashboard";

    // The page's files are addressed relative to "/dashboard/". Its bare address answers a page that moves on there
    // rather than a redirect, which HTTP clients follow without the Authorization header.
    private const string MoveOn = """
        <!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=/dashboard/">
        <title>Orleans dashboard</title></head><body><a href="/dashboard/">Orleans dashboard</a></body></html>
        """;

    public static void MapLoyaltyDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapOrleansDashboard(Path)
            .ForOperators()
            .DisableRateLimiting() // only the operator passes, and it is never limited; refusals cost what an anonymous request does
            .ExcludeFromDescription() // the dashboard's own API, not ours
            .AnsweringHead()
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                if (http.Request.Path.Value == Path)
                {
                    return Results.Content(MoveOn, "text/html");
                }

                if (NamedSilo(http.Request) is { } named && !IsSiloAddress(named))
                {
                    return Problems.NotFound("No such silo", $"'{named}' is not a silo address.");
                }

                // The page's log stream ends only when its request does: end it when the gateway stops, so an open
                // dashboard never holds a shutdown.
                using var stopping = http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(http.Abort);
                try
                {
                    return await next(context);
                }
                catch (Exception e) when (e is FormatException or ArgumentException or KeyNotFoundException)
                {
                    // A grain name or type in the request that names nothing.
                    return Problems.NotFound("Not found", $"The dashboard knows nothing at {http.Request.Path}: {e.Message}");
                }
            });
    }

    // Routes whose last part is a silo address, which the dashboard makes a grain of before looking at it.
    private static readonly string[] SiloRoutes = ["HistoricalStats", "SiloProperties", "SiloMetadata", "SiloStats", "SiloCounters"];

    private static string? NamedSilo(HttpRequest request) =>
        SiloRoutes.Any(route => request.Path.StartsWithSegments($"{Path}/{route}")) && request.RouteValues.Values.OfType<string>().LastOrDefault() is { } named
            ? named
            : null;

    private static bool IsSiloAddress(string text)
    {
        try
        {
            return SiloAddress.FromParsableString(text) is not null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            return false;
        }
    }
}
