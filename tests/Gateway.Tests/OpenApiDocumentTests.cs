using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Loyalty.Gateway.Events;

namespace Loyalty.Gateway.Tests;

/// <summary>The OpenAPI document is complete enough to generate a client: bodies, answers and problems all declared.</summary>
public sealed class OpenApiDocumentTests(GatewayFixture gateway)
{
    /// <summary>Operations that take no body though their method could carry one.</summary>
    private static readonly HashSet<string> Bodiless = ["GetReferralCode", "IssueMemberToken"];

    [Fact]
    public async Task Every_operation_declares_its_body_its_answer_and_its_problem_answers()
    {
        var operations = Operations(await Document()).ToList();
        Assert.True(operations.Count >= 25, $"only {operations.Count} operations in the document");

        var faults = new List<string>();
        foreach (var (method, path, operation) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            var id = operation["operationId"]?.GetValue<string>();
            if (id is null)
            {
                faults.Add($"{name}: no operationId");
            }

            var takesBody = method is "put" or "post" && !Bodiless.Contains(id ?? "");
            if (takesBody && operation["requestBody"]?["content"]?["application/json"]?["schema"] is null)
            {
                faults.Add($"{name}: no request schema");
            }

            var responses = operation["responses"]!.AsObject();
            var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
            if (success.Count == 0 || success.Any(r => r.Key != "204" && !HasSchema(r.Value!)))
            {
                faults.Add($"{name}: a 2xx answer without a schema");
            }

            var problems = responses.Where(r => r.Key[0] is '4' or '5').ToList();
            if (!problems.Any(r => r.Key == "400") || !problems.Any(r => r.Key == "503"))
            {
                faults.Add($"{name}: 400 or 503 undeclared");
            }

            faults.AddRange(problems
                .Where(r => r.Value!["content"]?["application/problem+json"]?["schema"] is null)
                .Select(r => $"{name}: {r.Key} is not application/problem+json"));
        }

        Assert.Empty(faults);
    }

    [Fact]
    public async Task The_events_body_is_a_union_of_the_event_types_the_reader_accepts_keyed_on_type()
    {
        var document = await Document();
        var body = document["paths"]!["/v1/programs/{programId}/events"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("array", body["type"]!.GetValue<string>());
        var union = Schema(document, body["items"]!);
        Assert.Equal("type", union["discriminator"]!["propertyName"]!.GetValue<string>());
        var mapping = union["discriminator"]!["mapping"]!.AsObject();
        Assert.Equal(["engagement", "purchase", "return", "survey"], mapping.Select(m => m.Key).Order());
        Assert.Equal(["type"], union["required"]!.AsArray().Select(field => field!.GetValue<string>()));

        var baseReference = body["items"]!["$ref"]!.GetValue<string>();
        var purchase = Kind(document, mapping["purchase"]!, baseReference);
        var @return = Kind(document, mapping["return"]!, baseReference);
        Assert.Equal(EventItemReader.PurchaseFields.Order(), Fields(document, union).Concat(Fields(document, purchase)).Order());
        Assert.Equal(EventItemReader.ReturnFields.Order(), Fields(document, union).Concat(Fields(document, @return)).Order());
        Assert.Equal(EventItemReader.EngagementFields.Order(), Fields(document, union).Concat(Fields(document, Kind(document, mapping["engagement"]!, baseReference))).Order());
        Assert.Equal(EventItemReader.SurveyFields.Order(), Fields(document, union).Concat(Fields(document, Kind(document, mapping["survey"]!, baseReference))).Order());
        Assert.Equal(EventItemReader.LineFields.Order(), Fields(document, purchase["properties"]!["lines"]!["items"]!));
    }

    [Fact]
    public async Task Program_answers_take_the_schema_of_the_configuration_they_store()
    {
        var program = (await Document())["paths"]!["/v1/programs/{programId}"]!;
        var stored = program["put"]!["requestBody"]!["content"]!["application/json"]!["schema"]!.ToJsonString();
        Assert.Equal(stored, program["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!.ToJsonString());
        Assert.Equal(stored, program["put"]!["responses"]!["201"]!["content"]!["application/json"]!["schema"]!.ToJsonString());
    }

    [Fact]
    public async Task The_reference_page_is_served_beside_the_document()
    {
        var client = gateway.CreateClient();
        var page = await client.GetAsync("/docs/v1", TestContext.Current.CancellationToken);
        var script = await client.GetAsync("/docs/scalar.js", TestContext.Current.CancellationToken);

        Assert.Equal((System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.OK), (page.StatusCode, script.StatusCode));
        Assert.Contains("\"openapi/v1.json\"", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task<JsonObject> Document() =>
        (await gateway.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken))!;

    private static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        where operation.Value is JsonObject { } o && o.ContainsKey("responses")
        select (operation.Key, path.Key, operation.Value!.AsObject());

    private static bool HasSchema(JsonNode response) =>
        response["content"]?.AsObject().Any(media => media.Value?["schema"] is not null) is true;

    private static JsonObject Schema(JsonObject document, JsonNode schemaOrReference)
    {
        var reference = schemaOrReference is JsonValue value ? value.GetValue<string>() : schemaOrReference["$ref"]?.GetValue<string>();
        return reference is null
            ? schemaOrReference.AsObject()
            : document["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject();
    }

    /// <summary>A kind of the union: the base, extended by the kind's own fields.</summary>
    private static JsonObject Kind(JsonObject document, JsonNode reference, string baseReference)
    {
        var parts = Schema(document, reference)["allOf"]!.AsArray();
        Assert.Equal(baseReference, parts[0]!["$ref"]!.GetValue<string>());
        return parts[1]!.AsObject();
    }

    private static IEnumerable<string> Fields(JsonObject document, JsonNode schemaOrReference) =>
        Schema(document, schemaOrReference)["properties"]!.AsObject().Select(p => p.Key).Order();
}
