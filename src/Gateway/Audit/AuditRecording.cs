using Loyalty.Client;
using Loyalty.Gateway.Security;
using Loyalty.Grains.Interfaces.Audit;
using Microsoft.AspNetCore.Authorization;

namespace Loyalty.Gateway.Audit;

/// <summary>
/// Records every admin action that succeeded: a request other than a read to a route for admins or the operator,
/// of one program, answered 2xx. It runs inside the request, so an action is answered only once it is on record.
/// </summary>
public sealed class AuditRecording(RequestDelegate next, IGrainFactory grains, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock,
    ILogger<AuditRecording> logger)
{
    // Bodies up to this size are buffered in memory for the record; larger ones go to a temporary file.
    private const int BodyBufferedInMemory = 1 << 20;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsAdminAction(context) || context.Request.RouteValues["programId"] is not string programId)
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering(BodyBufferedInMemory);
        await next(context);
        if (context.Response.StatusCode is < 200 or > 299)
        {
            return;
        }

        var endpoint = (RouteEndpoint)context.GetEndpoint()!;
        var action = new AuditAction(clock.GetUtcNow(), Actor(context), $"{context.Request.Method} {endpoint.RoutePattern.RawText}",
            context.Request.Path, context.Response.StatusCode, AuditedChange.Describe(await Body(context.Request)));
        try
        {
            await grains.GetGrain<IAuditLogGrain>(programId).Record(action);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not record {Action} on {Path} by {Actor} in the audit log of {ProgramId}", action.Action, action.Path, action.Actor, programId);
            throw;
        }
    }

    private static bool IsAdminAction(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
        && context.GetEndpoint() is RouteEndpoint endpoint
        && endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().LastOrDefault()?.Policy is Access.Admin or Access.Operator;

    private static string Actor(HttpContext context) =>
        context.User.IsOperator() ? "operator" : context.User.KeyId() ?? "unknown";

    private static async Task<byte[]> Body(HttpRequest request)
    {
        if (!request.Body.CanSeek)
        {
            return [];
        }

        request.Body.Position = 0;
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        return copy.ToArray();
    }
}
