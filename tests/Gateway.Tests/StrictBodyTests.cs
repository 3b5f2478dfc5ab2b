using System.Net;
using System.Text;

namespace Loyalty.Gateway.Tests;

/// <summary>
/// Every JSON body is read alike: numbers are numbers, a field appears once, date-times are ISO 8601 with an
/// offset, text is valid Unicode; errors name the field in the API's words, never a .NET type.
/// </summary>
public sealed class StrictBodyTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    private const string Tiers = """ "tiers":[{"name":"m","qualifyingSpendMinor":0}] """;
    private const string Challenge = """ "name":"c","start":"2026-03-01","end":"2026-04-01","reward":{"points":1} """;

    [Theory]
    [InlineData("program", """{"name":"x","currency":"GBP","pointsPerUnit":"5",""" + Tiers + "}", "pointsPerUnit", "number")]
    [InlineData("program", """{"name":"x","name":"y","currency":"GBP",""" + Tiers + "}", "name", "more than once")]
    [InlineData("program", """{"name":"x","currency":"GBP","tiers":[{"name":"m"}]}""", "tiers[0].qualifyingSpendMinor", "required")]
    [InlineData("program", """{"name":"x","currency":"GBP","streakUnit":"year",""" + Tiers + "}", "streakUnit", "day, week")]
    [InlineData("program", """{"name":"\ud800","currency":"GBP",""" + Tiers + "}", "name", "Unicode")]
    [InlineData("reward", """{"name":"Mug","costPoints":"5","stock":1}""", "costPoints", "number")]
    [InlineData("reward", """{"name":"Mug","costPoints":5,"costPoints":1,"stock":1}""", "costPoints", "more than once")]
    [InlineData("reward", """{"name":"Mug","costPoints":5,"stock":1,"validFrom":"12/01/2026 10:00:00 +00:00"}""", "validFrom", "ISO 8601")]
    [InlineData("reward", """{"name":"Mug","costPoints":5,"stock":1,"validFrom":"Mon, 12 Jan 2026 10:00:00 GMT"}""", "validFrom", "ISO 8601")]
    [InlineData("reward", """{"name":"Mug","costPoints":5,"stock":1,"validTo":"2026-01-12"}""", "validTo", "ISO 8601")]
    [InlineData("reward", """{"name":"Mug","costPoints":5,"stock":1,"validTo":"2026-01-12T10:00:00"}""", "validTo", "offset")]
    [InlineData("reward", """{"name":"\udc00","costPoints":5,"stock":1}""", "name", "Unicode")]
    [InlineData("challenge", "{" + Challenge + ""","goal":{"kind":"steps","target":1}}""", "goal.kind", "spend, purchases, categories, streak")]
    [InlineData("challenge", "{" + Challenge + ""","goal":{"kind":"spend","target":"10"}}""", "goal.target", "number")]
    [InlineData("challenge", "{" + Challenge + ""","goal":{"kind":"spend","kind":"streak","target":10}}""", "goal.kind", "more than once")]
    [InlineData("profile", """{"birthDate":"1990-02-29"}""", "birthDate", "YYYY-MM-DD")]
    [InlineData("profile", """{"birthDate":"1990-01-01","birthDate":null}""", "birthDate", "more than once")]
    [InlineData("redemption", """{"rewardId":"mug","redemptionId":"r1","redemptionId":"r2"}""", "redemptionId", "more than once")]
    [InlineData("referrer", """{"code":12345678}""", "code", "string")]
    public async Task A_sloppy_body_is_refused_naming_the_field_in_the_apis_words(string route, string body, string field, string says)
    {
        var program = await Programs.Create(client);
        var (method, path) = Route(route, program);
        var problem = await Problem.Assert(await client.Send(method, path, Api.Json(body)), HttpStatusCode.BadRequest, field);

        var message = problem["errors"]![field]![0]!.GetValue<string>();
        Assert.Contains(says, message, StringComparison.Ordinal);
        Assert.DoesNotContain("Loyalty.", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem.ToJsonString(), StringComparison.Ordinal);
        var stored = route is "program" or "reward" or "challenge" ? path : $"/v1/programs/{program}/members/ann";
        await Problem.Assert(await client.GetAsync(stored, TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_configuration_that_is_not_utf8_is_refused_naming_the_body()
    {
        var id = Api.Unique("p");
        var bytes = Encoding.UTF8.GetBytes(Programs.Configuration.Replace("Test store", "Test \u0001store", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)1)] = 0xFF;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");

        await Problem.Assert(await client.PutAsync($"/v1/programs/{id}", content, TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, "body");
        await Problem.Assert(await client.GetAsync($"/v1/programs/{id}", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    /// <summary>Where each kind of body goes; the program route writes a new program, so the test's own program stays as it was.</summary>
    private static (string Method, string Path) Route(string route, string program) => route switch
    {
        "program" => ("PUT", $"/v1/programs/{Api.Unique("p")}"),
        "reward" => ("PUT", $"/v1/programs/{program}/rewards/mug"),
        "challenge" => ("PUT", $"/v1/programs/{program}/challenges/march"),
        "profile" => ("PUT", $"/v1/programs/{program}/members/ann/profile"),
        "redemption" => ("POST", $"/v1/programs/{program}/members/ann/redemptions"),
        _ => ("POST", $"/v1/programs/{program}/members/ann/referrer"),
    };
}
