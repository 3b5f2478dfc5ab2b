using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Gateway.Http;

/// <summary>
/// Declares the problem+json answers a route can give, so the OpenAPI document lists every one a client must handle.
/// </summary>
public static class ProblemAnswers
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>
    /// What every API route can answer: 400 naming a path id or query value that is not sound, and 503 with
    /// Retry-After when the cluster cannot be reached.
    /// </summary>
    public static TBuilder AnsweringCommonProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), [ProblemJson]),
            new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(ProblemDetails), [ProblemJson]));

    /// <summary>Further problem answers of one route or group: 404, 409, 412, 413, 429.</summary>
    public static TBuilder AnsweringProblems<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata([.. statusCodes.Select(status => new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ProblemJson]))]);
}
