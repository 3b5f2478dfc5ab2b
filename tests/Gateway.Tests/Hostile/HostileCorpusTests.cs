using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests.Hostile;

/// <summary>
/// The hostile corpus against every route. No case answers 5xx; each refusal is problem+json naming the
/// field at fault; and after the whole corpus the program reads back exactly as before.
/// </summary>
public sealed class HostileCorpusTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public void The_corpus_has_300_cases_over_every_route_and_every_category()
    {
        var routes = GatewayRoutes.All(gateway.Services).Select(route => route.Key).ToHashSet();

        Assert.True(HostileCorpus.All.Count >= 300, $"{HostileCorpus.All.Count} cases");
        Assert.Empty(routes.Except(HostileCorpus.All.Select(c => c.Route)));
        Assert.Empty(HostileCorpus.All.Select(c => c.Route).Except(routes));
        Assert.Empty(Enum.GetValues<HostileCategory>().Except([.. HostileCorpus.All.Select(c => c.Category), .. KestrelLimitTests.Categories]));
    }

    [Fact]
    public async Task No_case_answers_5xx_every_refusal_names_its_field_and_nothing_is_stored()
    {
        var program = await Programs.Create(client);
        var before = await ProgramState.Read(client, program);

        var failures = new List<string>();
        foreach (var hostile in HostileCorpus.All)
        {
            if (await Check(hostile, program) is { } failure)
            {
                failures.Add($"{hostile}: {failure}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {HostileCorpus.All.Count} cases failed:\n{string.Join("\n", failures)}");
        Assert.Equal(before, await ProgramState.Read(client, program));
    }

    /// <summary>Why the answer breaks the case's verdict, or null when it holds.</summary>
    private async Task<string?> Check(HostileCase hostile, string program)
    {
        var path = hostile.Path.Replace("{program}", program, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), new Uri(new Uri("http://localhost"), path));
        if (hostile.Body is not null)
        {
            request.Content = new ByteArrayContent(hostile.Body);
            request.Content.Headers.ContentType = hostile.ContentType is null ? null : MediaTypeHeaderValue.Parse(hostile.ContentType);
        }

        foreach (var (name, value) in hostile.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"answered {status}";
        }

        if (hostile.Verdict == Verdict.Harmless)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (hostile.Verdict == Verdict.ItemRejected)
        {
            var result = status == 200 ? JsonNode.Parse(text)?["results"]?[0] : null;
            return result?["status"]?.GetValue<string>() == "rejected" && result["field"]?.GetValue<string>() == hostile.Field
                ? null
                : $"answered {status} {Shorten(text)}, expected the item rejected at {hostile.Field}";
        }

        if (status is < 400 or >= 500 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"answered {status} {response.Content.Headers.ContentType?.MediaType} {Shorten(text)}, expected 4xx problem+json";
        }

        var errors = JsonNode.Parse(text)?["errors"] as JsonObject;
        return hostile.Field switch
        {
            null => null,
            BodyCases.AnyField => errors is { Count: > 0 } ? null : $"names no field: {Shorten(text)}",
            var field => errors?[field] is JsonArray { Count: > 0 } ? null : $"answered {status} without naming {field}: {Shorten(text)}",
        };
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
