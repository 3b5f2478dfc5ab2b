using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests.Security;

/// <summary>A member token speaks for one member of one program, and a token altered in any way speaks for nobody.</summary>
public sealed class MemberTokenTests(GatewayFixture gateway)
{
    private readonly HttpClient operatorClient = gateway.CreateClient();

    [Fact]
    public async Task A_token_reads_its_member_and_the_boards_of_its_program_only_until_it_expires()
    {
        var program = await Programs.Create(operatorClient);
        var other = await Programs.Create(operatorClient);
        await operatorClient.PostEvents(program, Api.Purchase("t1", "ann", 5_000));
        var issued = await Issue(program, "ann");
        var ann = Keys.ClientWith(gateway, issued["token"]!.GetValue<string>());

        var view = await Polling.Eventually(() => ann.GetJson($"/v1/programs/{program}/members/ann"), v => v?.Long("lifetimeSpendMinor") == 5_000);
        Assert.Equal(5_000, view!.Long("lifetimeSpendMinor"));
        Assert.Equal(HttpStatusCode.OK, (await ann.GetAsync($"/v1/programs/{program}/leaderboards/points", TestContext.Current.CancellationToken)).StatusCode);
        await Problem.Assert(await ann.GetAsync($"/v1/programs/{program}/members/bob", TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);
        await Problem.Assert(await ann.GetAsync($"/v1/programs/{other}/members/ann", TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);
        await Problem.Assert(await ann.PostAsJsonAsync($"/v1/programs/{program}/events", new { events = Array.Empty<object>() }, TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);

        var expiresAt = issued["expiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expiresAt - TestClock.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task A_token_whose_member_or_program_was_changed_is_refused_as_no_credential()
    {
        var program = await Programs.Create(operatorClient);
        var other = await Programs.Create(operatorClient);
        var token = (await Issue(program, "ann"))["token"]!.GetValue<string>();
        var parts = token.Split('.');
        var claims = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();

        foreach (var (claim, value, path) in new[] { ("sub", "bob", $"/v1/programs/{program}/members/bob"), ("aud", other, $"/v1/programs/{other}/members/ann") })
        {
            var forged = claims.DeepClone().AsObject();
            forged[claim] = value;
            var forgedToken = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(forged.ToJsonString()))}.{parts[2]}";
            await Problem.Assert(await Keys.ClientWith(gateway, forgedToken).GetAsync(path, TestContext.Current.CancellationToken), HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task A_shops_backend_signs_member_tokens_with_the_programs_secret()
    {
        var program = await Programs.Create(operatorClient);
        await operatorClient.PostEvents(program, Api.Purchase("s1", "cara", 2_000));
        var signing = await operatorClient.GetRequiredJson($"/v1/programs/{program}/token-signing");
        Assert.Equal(("HS256", "loyalty", program), (signing["algorithm"]!.GetValue<string>(), signing["issuer"]!.GetValue<string>(), signing["audience"]!.GetValue<string>()));

        var now = TestClock.UtcNow.UtcDateTime;
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = "loyalty",
            Audience = program,
            Claims = new Dictionary<string, object> { ["sub"] = "cara" },
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new(new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Base64Url.DecodeFromChars(signing["secret"]!.GetValue<string>())), "HS256"),
        });
        var cara = Keys.ClientWith(gateway, token);

        var view = await Polling.Eventually(() => cara.GetJson($"/v1/programs/{program}/members/cara"), v => v?.Long("lifetimeSpendMinor") == 2_000);
        Assert.Equal(2_000, view!.Long("lifetimeSpendMinor"));
        await Problem.Assert(await cara.GetAsync($"/v1/programs/{program}/members/dan", TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);
    }

    private async Task<JsonObject> Issue(string program, string member)
    {
        var app = await Keys.ClientOf(gateway, operatorClient, program, "app");
        var response = await app.PostAsync($"/v1/programs/{program}/members/{member}/tokens", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }
}
