using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Loyalty.Gateway.Tests.Security;

namespace Loyalty.Gateway.Tests;

/// <summary>Manual adjustments by an admin: credited or debited at once, safe to repeat, in the ledger with their reason, on record.</summary>
public sealed class AdjustmentTests(GatewayFixture gateway)
{
    private readonly HttpClient operatorClient = gateway.CreateClient();

    private static Task<HttpResponseMessage> Adjust(HttpClient client, string program, string member, object body) =>
        client.PostAsJsonAsync($"/v1/programs/{program}/members/{member}/adjustments", body, TestContext.Current.CancellationToken);

    private async Task<string> ProgramWithAnn()
    {
        var program = await Programs.Create(operatorClient);
        await operatorClient.PostEvents(program, Api.Purchase("p1", "ann", 10_000, "2026-01-05T10:00:00Z"));
        await Polling.Eventually(() => operatorClient.GetJson($"/v1/programs/{program}/members/ann"), m => m?.Long("points.available") == 100);
        return program;
    }

    [Fact]
    public async Task A_credit_is_applied_once_with_its_reason_in_the_ledger_and_the_audit_log()
    {
        var program = await ProgramWithAnn();
        var admin = await Keys.ClientOf(gateway, operatorClient, program, "admin");
        var body = new { adjustmentId = "complaint-17", points = 250, reason = "parcel arrived broken" };

        var created = await Adjust(admin, program, "ann", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = await created.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        var repeated = await Adjust(admin, program, "ann", body);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(first!.ToJsonString(), (await repeated.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!.ToJsonString());
        Assert.Equal(("complaint-17", "ann", 250L, "parcel arrived broken"),
            (first["adjustmentId"]!.GetValue<string>(), first["memberId"]!.GetValue<string>(), first.Long("points"), first["reason"]!.GetValue<string>()));

        var ann = await operatorClient.GetRequiredJson($"/v1/programs/{program}/members/ann");
        Assert.Equal((350L, 250L, 100L), (ann.Long("points.available"), ann.Long("points.adjusted"), ann.Long("points.lifetimeEarned")));
        var newest = (await operatorClient.GetRequiredJson($"/v1/programs/{program}/members/ann/ledger?limit=1"))["entries"]![0]!;
        Assert.Equal(("adjusted", "available", 250L, "parcel arrived broken", "complaint-17"),
            (newest["kind"]!.GetValue<string>(), newest["balance"]!.GetValue<string>(), newest.Long("points"), newest["reason"]!.GetValue<string>(), newest["eventId"]!.GetValue<string>()));
        Assert.Equal(350, (await operatorClient.ReadLedger(program, "ann")).Where(e => e.Balance == "available").Sum(e => e.Points));

        var audit = (await operatorClient.GetRequiredJson($"/v1/programs/{program}/audit"))["items"]!.AsArray()
            .Where(i => i!["path"]!.GetValue<string>() == $"/v1/programs/{program}/members/ann/adjustments").ToList();
        Assert.Equal([200L, 201L], audit.Select(i => i.Long("status")));
        Assert.All(audit, i => Assert.Contains("\"points\":250", i!["change"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Contains("parcel arrived broken", audit[1]!["change"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_debit_takes_available_points_and_one_beyond_them_is_refused_with_409_changing_nothing()
    {
        var program = await ProgramWithAnn();

        await Problem.Assert(await Adjust(operatorClient, program, "ann", new { adjustmentId = "d1", points = -101, reason = "goodwill reversed" }), HttpStatusCode.Conflict);
        Assert.Equal(100, (await operatorClient.GetRequiredJson($"/v1/programs/{program}/members/ann")).Long("points.available"));
        Assert.Equal(HttpStatusCode.Created, (await Adjust(operatorClient, program, "ann", new { adjustmentId = "d1", points = -100, reason = "goodwill reversed" })).StatusCode);

        var ann = await operatorClient.GetRequiredJson($"/v1/programs/{program}/members/ann");
        Assert.Equal((0L, -100L), (ann.Long("points.available"), ann.Long("points.adjusted")));
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_an_unknown_member_is_404_and_a_reused_id_is_400()
    {
        var program = await ProgramWithAnn();

        await Problem.Assert(await Adjust(operatorClient, program, "ann", new { adjustmentId = "a", points = 0, reason = "x" }), HttpStatusCode.BadRequest, "points");
        await Problem.Assert(await Adjust(operatorClient, program, "ann", new { adjustmentId = "a", points = 5, reason = "" }), HttpStatusCode.BadRequest, "reason");
        await Problem.Assert(await Adjust(operatorClient, program, "ann", new { points = 5, reason = "x" }), HttpStatusCode.BadRequest, "adjustmentId");
        await Problem.Assert(await Adjust(operatorClient, program, "nobody", new { adjustmentId = "a", points = 5, reason = "x" }), HttpStatusCode.NotFound);
        Assert.Null(await operatorClient.GetJson($"/v1/programs/{program}/members/nobody"));

        Assert.Equal(HttpStatusCode.Created, (await Adjust(operatorClient, program, "ann", new { adjustmentId = "a", points = 5, reason = "x" })).StatusCode);
        await Problem.Assert(await Adjust(operatorClient, program, "ann", new { adjustmentId = "a", points = 6, reason = "x" }), HttpStatusCode.BadRequest, "adjustmentId");
        Assert.Equal(105, (await operatorClient.GetRequiredJson($"/v1/programs/{program}/members/ann")).Long("points.available"));
    }
}
