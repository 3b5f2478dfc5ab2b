using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Loyalty.Gateway.Tests;

/// <summary>A client generated from /openapi/v1.json compiles and speaks to the gateway.</summary>
public sealed class GeneratedClientTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_client_generated_from_the_document_creates_a_program_posts_events_and_reads_the_member()
    {
        var http = gateway.CreateClient();
        var document = await OpenApiDocument.FromJsonAsync(
            await http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "LoyaltyClient",
            UseBaseUrl = false,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            CSharpGeneratorSettings = { Namespace = "Generated", JsonLibrary = CSharpJsonLibrary.SystemTextJson },
        };
        var code = new CSharpClientGenerator(document, settings).GenerateFile();
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "GeneratedClient.cs"), code);

        var roundTrip = Compile(code, RoundTrip).GetType("Generated.RoundTrip")!;
        var programId = Api.Unique("client");
        await Call<bool>(roundTrip, "CreateProgram", http, programId);
        var accepted = await Call<int>(roundTrip, "PostPurchase", http, programId, "gia", TestClock.UtcNow.AddDays(-40).ToString("O"));
        var available = await Polling.Eventually(() => Call<long?>(roundTrip, "ReadAvailablePoints", http, programId, "gia"), points => points is not null);

        Assert.Equal((1, 125L), (accepted, available));
    }

    private static Task<T> Call<T>(Type type, string method, params object[] arguments) =>
        (Task<T>)type.GetMethod(method)!.Invoke(null, arguments)!;

    /// <summary>Uses the generated client as a program would: only its own methods and types.</summary>
    private const string RoundTrip = """
        namespace Generated;

        public partial class LoyaltyClient
        {
            // The gateway reads bodies strictly: a field left unset is left out, as the schema allows, never sent as null.
            static partial void UpdateJsonSerializerSettings(System.Text.Json.JsonSerializerOptions settings) =>
                settings.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        }

        public static class RoundTrip
        {
            public static async System.Threading.Tasks.Task<bool> CreateProgram(System.Net.Http.HttpClient http, string programId)
            {
                try
                {
                    await new LoyaltyClient(http).ConfigureProgramAsync(programId, new ProgramConfig
                    {
                        Name = "Generated client",
                        TimeZone = "UTC",
                        Currency = "GBP",
                        MinorUnitsPerUnit = 100,
                        PointsPerUnit = 1,
                        ReturnWindowDays = 30,
                        DuplicateWindowDays = 7,
                        RedemptionRetentionDays = 90,
                        AdjustmentRetentionDays = 90,
                        ExpiryWarningDays = 30,
                        LeaderboardRetention = new BoardRetention { Days = 35, Weeks = 13, Months = 25 },
                        Tiers = [new TierDefinition { Name = "member", QualifyingSpendMinor = 0 }],
                    });
                }
                catch (ApiException<HttpValidationProblemDetails> e)
                {
                    // The problem names the fields at fault: say them, not only "400".
                    throw new System.InvalidOperationException(string.Join("; ", System.Linq.Enumerable.Select(e.Result.Errors, error => $"{error.Key}: {string.Join(", ", error.Value)}")));
                }

                return true;
            }

            public static async System.Threading.Tasks.Task<int> PostPurchase(System.Net.Http.HttpClient http, string programId, string memberId, string occurredAt)
            {
                var batch = await new LoyaltyClient(http).IngestEventsAsync(programId,
                [
                    new EventItemPurchaseEvent { EventId = "g1", MemberId = memberId, OccurredAt = occurredAt, AmountMinor = 12500, Currency = "GBP" },
                ]);
                return batch.Accepted;
            }

            /// <summary>Null while the member has no events applied (404).</summary>
            public static async System.Threading.Tasks.Task<long?> ReadAvailablePoints(System.Net.Http.HttpClient http, string programId, string memberId)
            {
                try
                {
                    return (await new LoyaltyClient(http).GetMemberAsync(programId, memberId)).Points.Available;
                }
                catch (ApiException e) when (e.StatusCode == 404)
                {
                    return null;
                }
            }
        }
        """;

    private static Assembly Compile(params string[] sources)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Generated.Client",
            sources.Select(source => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return new AssemblyLoadContext("generated-client", isCollectible: true).LoadFromStream(image);
    }
}
