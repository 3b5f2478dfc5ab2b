using System.Text.Json;
using Loyalty.Client.Json;

namespace Loyalty.Gateway.Http;

/// <summary>Reads a small JSON object body strictly, answering a problem that names the field at fault.</summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = StrictJson.Apply(new(JsonSerializerDefaults.Web));

    public static async Task<(T? Value, IResult? Problem)> Read<T>(HttpRequest request, JsonSerializerOptions? options = null)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, Problems.Invalid("body", $"must be a JSON object of at most {MaxBytes} bytes"));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options ?? Options, request.HttpContext.RequestAborted);
            return value is null ? (null, Problems.Invalid("body", "must be a JSON object")) : (value, null);
        }
        catch (JsonException e)
        {
            var (field, message) = JsonErrors.Describe(e, typeof(T), options ?? Options);
            return (null, Problems.Invalid(field, message));
        }
    }
}
