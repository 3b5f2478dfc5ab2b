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

    public static void MapLoyaltyDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapOrleansDashboard(Path)
            .ForOperators()
            .ExcludeFromDescription() // the dashboard's own API, not ours
            .AnsweringHead()
            .AddEndpointFilter(async (context, next) =>
            {
                // The page's log stream ends only when its request does: end it when the gateway stops, so an open
                // dashboard never holds a shutdown.
                var lifetime = context.HttpContext.RequestServices.GetRequiredService<IHostApplicationLifetime>();
                using var stopping = lifetime.ApplicationStopping.Register(context.HttpContext.Abort);
                return await next(context);
            });
    }
}
