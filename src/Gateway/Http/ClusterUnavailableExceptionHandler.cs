using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using StackExchange.Redis;

namespace Loyalty.Gateway.Http;

/// <summary>
/// A cluster, Redis or Azure Storage that is briefly unreachable (silo failover, overload, restart) is the client's cue to retry,
/// not a server bug:
/// answer 503 with Retry-After instead of 500.
/// </summary>
public sealed class ClusterUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<ClusterUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsTransient(exception))
        {
            return false;
        }

        logger.LogWarning(exception, "Cluster unavailable while serving {Path}", context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable",
                Detail = "The cluster could not be reached in time; retry the request.",
            },
        });
    }

    public static bool IsTransient(Exception exception) => exception switch
    {
        TimeoutException or SiloUnavailableException or OrleansMessageRejectionException
            or ConnectionFailedException or OperationCanceledException or RedisConnectionException => true,
        // Redis restarting: it answers while it loads its data, or before a replica is promoted.
        RedisServerException server => server.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || server.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
            || server.Message.StartsWith("READONLY", StringComparison.Ordinal),
        // Azure Storage away or throttling (no answer, 408, 429, 5xx); 4xx answers are the request's own fault.
        Azure.RequestFailedException storage => storage.Status is 0 or 408 or 429 or >= 500,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}
