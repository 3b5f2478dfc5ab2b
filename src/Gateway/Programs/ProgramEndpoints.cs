using System.Globalization;
using System.Text;
using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces.Programs;
using Loyalty.Client.Programs;
using Loyalty.Gateway.Security;

namespace Loyalty.Gateway.Programs;

/// <summary>PUT/GET of a program's configuration. The version travels as the ETag; If-Match makes a PUT conditional.</summary>
public static class ProgramEndpoints
{
    private const int MaxConfigurationBytes = 1 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void MapProgramEndpoints(this IEndpointRouteBuilder routes)
    {
        var programs = routes.MapGroup("/v1/programs/{programId}").WithTags("Programs").ForAdmins();

        programs.MapGet("", async (string programId, IClusterClient cluster, HttpContext context) =>
        {
            var snapshot = await cluster.GetGrain<IProgramGrain>(programId).GetConfiguration();
            return snapshot is null ? Problems.ProgramNotFound(programId) : Configuration(context, snapshot);
        })
        .WithName("GetProgram")
        .Produces(StatusCodes.Status200OK, contentType: "application/json")
        .AnsweringProblems(StatusCodes.Status404NotFound)
        .WithSummary("The program's current configuration, webhook secrets left out; its version is the ETag.");

        programs.MapPut("", async (string programId, IClusterClient cluster, ProgramRulesCache rules, HttpContext context) =>
        {
            if (!Preconditions.TryReadExpectedVersion(context.Request, out var expectedVersion))
            {
                return Problems.Invalid("If-Match", Preconditions.IfMatchRule);
            }

            var body = await ReadBody(context.Request);
            if (body is null)
            {
                return Problems.Invalid("body", $"the configuration must be a UTF-8 JSON object of at most {MaxConfigurationBytes} bytes");
            }

            var grain = cluster.GetGrain<IProgramGrain>(programId);
            var result = await grain.Configure(body, expectedVersion);
            rules.Invalidate(programId);
            return result.Status switch
            {
                ConfigureStatus.Saved => Configuration(context, result.Snapshot!, created: result.Snapshot!.Version == 1),
                ConfigureStatus.VersionConflict => Preconditions.VersionConflict(context, result.Snapshot?.Version ?? 0, "The configuration"),
                _ => Problems.Invalid(result.Errors),
            };
        })
        .WithName("ConfigureProgram")
        .Accepts<Domain.ProgramConfig>("application/json")
        .Produces(StatusCodes.Status200OK, contentType: "application/json")
        .Produces(StatusCodes.Status201Created, contentType: "application/json")
        .AnsweringProblems(StatusCodes.Status412PreconditionFailed)
        .WithSummary("Validates and stores a new version of the program's configuration; a webhook without a secret keeps its stored one.");
    }

    private static IResult Configuration(HttpContext context, ProgramSnapshot snapshot, bool created = false)
    {
        Preconditions.SetETag(context, snapshot.Version);
        context.Response.Headers.LastModified = snapshot.UpdatedAt.ToString("R", CultureInfo.InvariantCulture);
        var answer = ConfigurationAnswer.WithoutSecrets(snapshot.ConfigurationJson);
        return created
            ? TypedResults.Text(answer, "application/json", Encoding.UTF8, StatusCodes.Status201Created)
            : TypedResults.Text(answer, "application/json", Encoding.UTF8);
    }

    private static async Task<string?> ReadBody(HttpRequest request)
    {
        if (request.ContentLength > MaxConfigurationBytes)
        {
            return null;
        }

        // Invalid UTF-8 is refused, not silently replaced by U+FFFD. The body stays open: the audit log reads it again.
        using var reader = new StreamReader(request.Body, StrictUtf8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var buffer = new char[MaxConfigurationBytes + 1];
        try
        {
            var length = await reader.ReadBlockAsync(buffer, request.HttpContext.RequestAborted);
            return length is 0 or > MaxConfigurationBytes ? null : new string(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
