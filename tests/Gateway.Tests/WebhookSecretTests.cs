using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Loyalty.Grains.Interfaces.Programs;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Gateway.Tests;

/// <summary>A webhook's secret goes in and is never answered back; a configuration written back without it keeps it.</summary>
public sealed class WebhookSecretTests(GatewayFixture gateway)
{
    private const string Secret = "kept-secret-0123456789";

    private readonly HttpClient client = gateway.CreateClient();

    private static string WithWebhooks(string webhooks) => Programs.Configuration.Replace(
        "\"returnWindowDays\": 30,", $"\"returnWindowDays\": 30, \"webhooks\": {webhooks},", StringComparison.Ordinal);

    [Fact]
    public async Task Answers_show_that_a_secret_is_set_but_never_the_secret()
    {
        var programId = Api.Unique("p");
        var created = await Put(programId, WithWebhooks($$"""[{ "id": "crm", "url": "https://crm.example/hook", "secret": "{{Secret}}" }]"""));
        var read = await client.GetAsync($"/v1/programs/{programId}", TestContext.Current.CancellationToken);

        foreach (var answer in new[] { created, read })
        {
            var text = await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            var webhook = JsonNode.Parse(text)!["webhooks"]![0]!.AsObject();
            Assert.True(webhook.ContainsKey("secret"));
            Assert.Null(webhook["secret"]);
            Assert.True(webhook["secretSet"]!.GetValue<bool>());
        }

        Assert.Equal(Secret, await StoredSecret(programId));
    }

    [Fact]
    public async Task A_configuration_read_and_written_back_keeps_the_stored_secret()
    {
        var programId = Api.Unique("p");
        await Put(programId, WithWebhooks($$"""[{ "id": "crm", "url": "https://crm.example/hook", "secret": "{{Secret}}" }]"""));
        var read = await client.GetFromJsonAsync<JsonObject>($"/v1/programs/{programId}", TestContext.Current.CancellationToken);
        read!["name"] = "Renamed store";
        read["webhooks"]![0]!["url"] = "https://crm.example/v2/hook";

        var written = await client.PutAsJsonAsync($"/v1/programs/{programId}", read, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Equal(Secret, await StoredSecret(programId));
    }

    [Fact]
    public async Task A_new_webhook_without_a_secret_is_refused_and_nothing_is_stored()
    {
        var programId = Api.Unique("p");
        await Put(programId, WithWebhooks($$"""[{ "id": "crm", "url": "https://crm.example/hook", "secret": "{{Secret}}" }]"""));

        var refused = await client.PutAsync($"/v1/programs/{programId}", Api.Json(WithWebhooks(
            """[{ "id": "crm", "url": "https://crm.example/hook" }, { "id": "erp", "url": "https://erp.example/hook", "secret": null }]""")),
            TestContext.Current.CancellationToken);

        await Problem.Assert(refused, HttpStatusCode.BadRequest, "webhooks[1].secret");
        var current = await client.GetAsync($"/v1/programs/{programId}", TestContext.Current.CancellationToken);
        Assert.Equal("\"1\"", current.Headers.ETag?.Tag);
    }

    private async Task<HttpResponseMessage> Put(string programId, string json)
    {
        var response = await client.PutAsync($"/v1/programs/{programId}", Api.Json(json), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response;
    }

    private async Task<string?> StoredSecret(string programId)
    {
        var snapshot = await gateway.Services.GetRequiredService<IClusterClient>().GetGrain<IProgramGrain>(programId).GetConfiguration();
        return JsonNode.Parse(snapshot!.ConfigurationJson)!["webhooks"]![0]!["secret"]?.GetValue<string>();
    }
}
