using Loyalty.Grains.Interfaces.Programs;

namespace Loyalty.Gateway.Http;

/// <summary>The RFC 9457 answers the API gives, in one place so every route words them alike.</summary>
public static class Problems
{
    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Invalid(IEnumerable<(string Field, string Message)> errors) =>
        TypedResults.ValidationProblem(errors
            .GroupBy(error => error.Field)
            .ToDictionary(group => group.Key, group => group.Select(error => error.Message).ToArray()));

    /// <summary>415: the body is of a type the route does not read; the header at fault is named like a field.</summary>
    public static IResult UnsupportedMediaType(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status415UnsupportedMediaType,
            Title = "Unsupported media type",
        });

    /// <summary>The errors a grain found in a document it validated (a configuration, a challenge).</summary>
    public static IResult Invalid(IEnumerable<FieldError> errors) => Invalid(errors.Select(error => (error.Field, error.Message)));

    /// <summary>The problem with a page's offset and limit (at most <paramref name="maxLimit"/>), or null when both are sound.</summary>
    public static IResult? InvalidPage(int? offset, int? limit, int maxLimit) =>
        offset is < 0 ? Invalid("offset", "must be 0 or more")
        : limit is < 1 || limit > maxLimit ? Invalid("limit", $"must be between 1 and {maxLimit}")
        : null;

    /// <summary>401: the credential given (in a body, where no scheme looks) is no credential of this service.</summary>
    public static IResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static IResult ProgramNotFound(string programId) =>
        NotFound("Program not found", $"Program '{programId}' is not configured.");

    public static IResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);

    /// <summary>The request is sound but the state of things refuses it (no stock, a loop, not enough points).</summary>
    public static IResult Conflict(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);

    public static IResult Unavailable(HttpContext context, string detail, int retryAfterSeconds = 1) =>
        RetryLater(context, StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable", detail, retryAfterSeconds);

    /// <summary>Back-pressure: the request is sound, but the cluster has more work in hand than its bound.</summary>
    public static IResult TooBusy(HttpContext context, string detail, int retryAfterSeconds) =>
        RetryLater(context, StatusCodes.Status429TooManyRequests, "Too many events pending", detail, retryAfterSeconds);

    /// <summary>A caller over its own rate (<c>Loyalty:RateLimits</c>), whatever the cluster's load.</summary>
    public static IResult RateLimited(HttpContext context, string detail, int retryAfterSeconds) =>
        RetryLater(context, StatusCodes.Status429TooManyRequests, "Rate limit exceeded", detail, retryAfterSeconds);

    private static IResult RetryLater(HttpContext context, int status, string title, string detail, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail, statusCode: status, title: title);
    }
}
