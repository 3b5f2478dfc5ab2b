using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests;

public static class Problem
{
    /// <summary>Asserts an RFC 9457 answer with the status and, when given, an error naming the field.</summary>
    public static async Task<JsonObject> Assert(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        Xunit.Assert.Equal(status, response.StatusCode);
        Xunit.Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Xunit.Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        if (field is not null)
        {
            Xunit.Assert.True(problem["errors"]?[field] is JsonArray { Count: > 0 }, $"no error for '{field}' in {problem.ToJsonString()}");
        }

        return problem;
    }
}
