using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Loyalty.Gateway.Http;

/// <summary>
/// Routes that take a JSON body read it whatever its declared type, so a form, a text/plain body or UTF-16 text
/// would be parsed as UTF-8 JSON and could be stored. Such a request is refused with 415 naming Content-Type before
/// its body is read.
/// </summary>
public static class JsonContentType
{
    public const string Rule = "must be application/json (UTF-8)";

    public static RouteGroupBuilder RequiringJsonBodies(this RouteGroupBuilder group)
    {
        // Finally: a route's own Accepts is known only once its conventions ran; the 415 then joins its documented answers.
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IAcceptsMetadata>().Any())
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(
                    StatusCodes.Status415UnsupportedMediaType, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
            }
        });
        return group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            return http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is null || IsJson(http.Request.ContentType)
                ? await next(context)
                : Problems.UnsupportedMediaType(HeaderNames.ContentType, Rule);
        });
    }

    /// <summary>
    /// The router answers a body type a route does not accept with a bare 415 before any filter runs; its problem
    /// names the header like any field, as this filter's own answer does.
    /// </summary>
    public static void NameTheHeader(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is { Status: StatusCodes.Status415UnsupportedMediaType } problem and not HttpValidationProblemDetails)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [HeaderNames.ContentType] = [Rule] };
        }
    }

    /// <summary>application/json or a +json type, in UTF-8 (no charset means UTF-8 for JSON, RFC 8259 §8.1).</summary>
    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        && (media.Charset.Length == 0 || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
}
