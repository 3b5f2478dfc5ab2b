using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Loyalty.Gateway.Health;

/// <summary>Readiness as JSON: the overall status, and each check's status, description and data (the ingestion lag).</summary>
public static class HealthJson
{
    public static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description, data = entry.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), context.RequestAborted);
    }
}
