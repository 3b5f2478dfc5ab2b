using Loyalty.Client;
using Loyalty.Client.Programs;
using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces.Security;

namespace Loyalty.Gateway.Security;

/// <summary>A program's API keys, for its admins: made (the secret shown once), listed without secrets, revoked.</summary>
public static class KeyEndpoints
{
    public const int MaxNameLength = 100;

    public static void MapKeyEndpoints(this IEndpointRouteBuilder routes)
    {
        var keys = routes.MapGroup("/v1/programs/{programId}/keys").WithTags("Keys").ForAdmins().ForConfiguredPrograms()
            .AnsweringProblems(StatusCodes.Status404NotFound);

        keys.MapPost("", async (string programId, HttpRequest request, IGrainFactory grains, ProgramKeyCache cache,
            [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) =>
        {
            var (body, problem) = await JsonBody.Read<NewKey>(request);
            if (problem is not null)
            {
                return problem;
            }

            var now = clock.GetUtcNow();
            if (Invalid(body!, now) is { } invalid)
            {
                return invalid;
            }

            var (id, key, hash) = ApiKeyText.Create(programId);
            var stored = await grains.GetGrain<IProgramKeysGrain>(programId)
                .Add(new ApiKeyRecord(id, body!.Name.Trim(), (ApiRole)body.Role!.Value, now, body.ExpiresAt, hash, null));
            if (stored is null)
            {
                return Problems.Conflict("Too many keys", $"Program '{programId}' holds {IProgramKeysGrain.MaxKeys} keys; revoke one first.");
            }

            cache.Invalidate(programId);
            return TypedResults.Created($"/v1/programs/{programId}/keys/{id}", new CreatedKey(id, key, stored.Name, (KeyRole)stored.Role, stored.CreatedAt, stored.ExpiresAt));
        })
        .WithName("CreateKey")
        .Accepts<NewKey>("application/json")
        .Produces<CreatedKey>(StatusCodes.Status201Created)
        .AnsweringProblems(StatusCodes.Status409Conflict)
        .WithSummary("Makes a key: name, role (producer, app or admin), expiresAt (optional). The key is shown only in this answer.");

        keys.MapGet("", async (string programId, IGrainFactory grains) =>
        {
            var credentials = await grains.GetGrain<IProgramKeysGrain>(programId).Active();
            return TypedResults.Ok(new KeyList([.. credentials.Keys.OrderBy(k => k.CreatedAt).Select(k => new ListedKey(k.Id, k.Name, (KeyRole)k.Role, k.CreatedAt, k.ExpiresAt, k.LastUsedAt))]));
        })
        .WithName("ListKeys")
        .Produces<KeyList>()
        .WithSummary("The program's keys without their secrets, with when each was last used (stored every few seconds).");

        keys.MapDelete("/{keyId}", async (string programId, string keyId, IGrainFactory grains, ProgramKeyCache cache) =>
        {
            var revoked = await grains.GetGrain<IProgramKeysGrain>(programId).Revoke(keyId);
            cache.Invalidate(programId);
            return revoked ? Results.NoContent() : Problems.NotFound("Key not found", $"Program '{programId}' holds no key '{keyId}'.");
        })
        .WithName("RevokeKey")
        .Produces(StatusCodes.Status204NoContent)
        .WithSummary("Revokes a key: every gateway refuses it within a second.");
    }

    private static IResult? Invalid(NewKey key, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(key.Name) || key.Name.Trim().Length > MaxNameLength || key.Name.Any(char.IsControl)
            ? Problems.Invalid("name", $"must be 1-{MaxNameLength} printable characters")
        : key.Role is not { } role || !Enum.IsDefined(role)
            ? Problems.Invalid("role", "must be producer, app or admin")
        : key.ExpiresAt is { } expires && expires <= now
            ? Problems.Invalid("expiresAt", "must be in the future")
        : null;

    public sealed record NewKey(string Name, KeyRole? Role, DateTimeOffset? ExpiresAt);

    public sealed record CreatedKey(string Id, string Key, string Name, KeyRole Role, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

    public sealed record ListedKey(string Id, string Name, KeyRole Role, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt);

    /// <summary>The API's names of <see cref="ApiRole"/>, in the same order.</summary>
    public enum KeyRole
    {
        Producer = ApiRole.Producer,
        App = ApiRole.App,
        Admin = ApiRole.Admin,
    }

    public sealed record KeyList(IReadOnlyList<ListedKey> Items);
}
