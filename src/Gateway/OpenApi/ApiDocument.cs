using Loyalty.Gateway.Events;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using Loyalty.Gateway.Security;

namespace Loyalty.Gateway.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, complete enough to generate a client, and its browsable reference at
/// /docs. Endpoints declare what they can; this fills in what attributes cannot say.
/// </summary>
public static class ApiDocument
{
    public const string ReferencePath = "/docs";

    private const string ProgramPath = "/v1/programs/{programId}";
    private const string Json = "application/json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options => options
            .AddSchemaTransformer((schema, context, _) =>
            {
                // Enums travel as camelCase strings; without the type, generators read the values as numbers.
                if (context.JsonTypeInfo.Type.IsEnum && schema.Enum is { Count: > 0 })
                {
                    schema.Type = JsonSchemaType.String;
                }

                return Task.CompletedTask;
            })
            .AddDocumentTransformer((document, _, _) =>
            {
                LeaveOutHead(document);
                AnswerProgramConfiguration(document);
                DescribeEventItemsAsKinds(document);
                return Task.CompletedTask;
            }));

    public static void MapApiDocument(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi().ForEveryone();
        routes.MapScalarApiReference(ReferencePath, options => options.WithTitle("Loyalty.Orleans API")).ForEveryone();
    }

    /// <summary>
    /// An event is exactly one of its kinds, told apart by <c>type</c>: a base that holds the discriminator and maps
    /// each value to its kind, each kind extending the base (allOf). Client generators turn this form into a class
    /// hierarchy; a oneOf beside it would make the base refer to itself, which they refuse.
    /// </summary>
    private static void DescribeEventItemsAsKinds(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas || !schemas.TryGetValue(nameof(EventItem), out var found)
            || found is not OpenApiSchema { AnyOf: { } kinds, Discriminator: { } discriminator } union)
        {
            return;
        }

        foreach (var kind in kinds.OfType<OpenApiSchemaReference>())
        {
            if (kind.Reference.Id is { } id && schemas.TryGetValue(id, out var schema) && schema is OpenApiSchema { Properties: { } properties } own)
            {
                properties.Remove(discriminator.PropertyName!);
                own.AllOf = [new OpenApiSchemaReference(nameof(EventItem), document), new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties, Required = own.Required }];
                own.Properties = null;
                own.Required = null;
                own.Type = null;
            }
        }

        union.Type = JsonSchemaType.Object;
        union.Properties = new Dictionary<string, IOpenApiSchema>
        {
            [discriminator.PropertyName!] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "purchase, return, engagement or survey" },
        };
        union.Required = new HashSet<string> { discriminator.PropertyName! };
        union.AnyOf = null;
    }

    /// <summary>HEAD is answered wherever GET is, with GET's headers and no body; listing it twice would only double the client.</summary>
    private static void LeaveOutHead(OpenApiDocument document)
    {
        foreach (var path in document.Paths.Values)
        {
            path.Operations?.Remove(HttpMethod.Head);
        }
    }

    /// <summary>
    /// A program's configuration is answered as the document that was stored, not serialized from a type, so its
    /// answers take the schema of the PUT body.
    /// </summary>
    private static void AnswerProgramConfiguration(OpenApiDocument document)
    {
        if (!document.Paths.TryGetValue(ProgramPath, out var path) || path.Operations is not { } operations
            || !operations.TryGetValue(HttpMethod.Put, out var put) || put.RequestBody?.Content is not { } body
            || !body.TryGetValue(Json, out var configuration))
        {
            return;
        }

        foreach (var (method, status) in new[] { (HttpMethod.Get, "200"), (HttpMethod.Put, "200"), (HttpMethod.Put, "201") })
        {
            if (operations.TryGetValue(method, out var operation) && operation.Responses?.TryGetValue(status, out var answer) is true
                && answer is OpenApiResponse response)
            {
                response.Content = new Dictionary<string, OpenApiMediaType> { [Json] = new() { Schema = configuration.Schema } };
            }
        }
    }
}
