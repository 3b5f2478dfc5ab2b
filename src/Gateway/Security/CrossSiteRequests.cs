namespace Loyalty.Gateway.Security;

/// <summary>
/// A browser sends its session cookie by itself, so a request that changes something on the strength of the cookie
/// must show it comes from this site's own pages: SameSite=Strict keeps other sites' requests from carrying the
/// cookie, and this check refuses what gets through anyway (a sibling subdomain is the same site, an old browser
/// ignores SameSite). It asks for an Origin naming this host, or Sec-Fetch-Site: same-origin; browsers send one or
/// both with every such request, and no page of another origin can forge them. A sign-in posted from another
/// origin is refused too, so no other site can sign a browser in with a key of its choosing. Bearer requests carry
/// their credential explicitly and pass.
/// </summary>
public sealed class CrossSiteRequests(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        var byCookie = context.User.Identity is { IsAuthenticated: true, AuthenticationType: SessionAuthenticationHandler.Name };
        var signIn = HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/v1/session");
        var refused = unsafeMethod && (byCookie ? !FromThisSite(request) : signIn && FromElsewhere(request));
        if (!refused)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Cross-site request refused",
                Detail = "A request signed in by cookie that changes something must come from this site's own pages (Origin or Sec-Fetch-Site).",
            },
        });
    }

    private static bool FromThisSite(HttpRequest request) =>
        request.Headers["Sec-Fetch-Site"] == "same-origin" || (Origin(request) is { } origin && SameHost(origin, request));

    private static bool FromElsewhere(HttpRequest request) =>
        request.Headers["Sec-Fetch-Site"] is var site && (site == "cross-site" || site == "same-site")
        || (request.Headers.Origin.Count > 0 && (Origin(request) is not { } origin || !SameHost(origin, request)));

    private static Uri? Origin(HttpRequest request) =>
        request.Headers.Origin is [{ } value] && Uri.TryCreate(value, UriKind.Absolute, out var origin) && origin.Scheme is "http" or "https" ? origin : null;

    // The host as the browser addressed it; a port is compared only where the Host header names one, since a proxy
    // that ends TLS in front of the gateway changes the scheme the gateway sees.
    private static bool SameHost(Uri origin, HttpRequest request) =>
        string.Equals(origin.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
        && (request.Host.Port is not { } port || origin.Port == port);
}
