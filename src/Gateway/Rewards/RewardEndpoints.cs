using Loyalty.Domain;
using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Rewards;
using Loyalty.Gateway.Security;

namespace Loyalty.Gateway.Rewards;

/// <summary>
/// The rewards catalogue: list it, PUT/GET a reward; reading one shows the stock left. A reward's version counts
/// the definitions stored for it and travels as the ETag; If-Match makes a PUT conditional.
/// </summary>
public static class RewardEndpoints
{
    public const int MaxPage = 100;

    public static void MapRewardEndpoints(this IEndpointRouteBuilder routes)
    {
        var catalogue = routes.MapGroup("/v1/programs/{programId}/rewards").WithTags("Rewards").ForAppsAndMembers().ForConfiguredPrograms();

        catalogue.MapGet("", async (string programId, int? offset, int? limit, IClusterClient cluster) =>
        {
            if (Problems.InvalidPage(offset, limit, MaxPage) is { } invalid)
            {
                return invalid;
            }

            var page = await cluster.GetGrain<IRewardCatalogueGrain>(GrainKeys.RewardCatalogue(programId)).Page(offset ?? 0, limit ?? 50);
            var rewards = await Task.WhenAll(page.RewardIds.Select(async id =>
                (Id: id, Reward: await cluster.GetGrain<IRewardGrain>(GrainKeys.Reward(programId, id)).Get())));

            // An id registered by a definition that then failed to store has no reward: it is left out.
            return TypedResults.Ok(new RewardList(page.Total, offset ?? 0, [.. rewards
                .Where(r => r.Reward is not null)
                .Select(r => RewardListItem.From(r.Id, r.Reward!))]));
        })
        .WithName("ListRewards")
        .Produces<RewardList>()
        .WithSummary($"Every reward the program has defined, in id order, with its stock left and version; paged with offset and limit (at most {MaxPage}).");

        var reward = catalogue.MapGroup("/{rewardId}");

        reward.MapGet("", async (string programId, string rewardId, IClusterClient cluster, HttpContext context) =>
        {
            var found = await cluster.GetGrain<IRewardGrain>(GrainKeys.Reward(programId, rewardId)).Get();
            if (found is null)
            {
                return RewardNotFound(programId, rewardId);
            }

            Preconditions.SetETag(context, found.Version);
            return TypedResults.Ok(RewardResponse.From(found));
        })
        .WithName("GetReward")
        .Produces<RewardResponse>()
        .WithSummary("A reward of the catalogue with its remaining stock; its version is the ETag.");

        reward.MapPut("", async (string programId, string rewardId, HttpRequest request, IClusterClient cluster, HttpContext context) =>
        {
            if (!Preconditions.TryReadExpectedVersion(request, out var expectedVersion))
            {
                return Problems.Invalid("If-Match", Preconditions.IfMatchRule);
            }

            var (definition, problem) = await JsonBody.Read<RewardDefinition>(request);
            if (problem is not null)
            {
                return problem;
            }

            if (definition!.Validate() is { Count: > 0 } errors)
            {
                return Problems.Invalid(errors.Select(e => (e.Field, e.Message)));
            }

            var grain = cluster.GetGrain<IRewardGrain>(GrainKeys.Reward(programId, rewardId));
            var result = await grain.Configure(new RewardSnapshot(
                definition.Name, definition.CostPoints, definition.Stock, definition.PerMemberLimit, definition.ValidFrom, definition.ValidTo, 0),
                expectedVersion);
            switch (result.Status)
            {
                case RewardConfigureStatus.VersionConflict:
                    return Preconditions.VersionConflict(context, result.Reward?.Version ?? 0, $"Reward '{rewardId}'");
                case RewardConfigureStatus.CatalogueFull:
                    return Problems.Conflict("Catalogue full", $"Program '{programId}' has {IRewardCatalogueGrain.MaxRewards} rewards, the most it can hold; change one of them instead.");
            }

            Preconditions.SetETag(context, result.Reward!.Version);
            var body = RewardResponse.From(result.Reward);
            return result.Created ? TypedResults.Created($"/v1/programs/{programId}/rewards/{rewardId}", body) : TypedResults.Ok(body);
        })
        .WithName("ConfigureReward")
        .ForAdmins()
        .Accepts<RewardDefinition>("application/json")
        .Produces<RewardResponse>()
        .Produces<RewardResponse>(StatusCodes.Status201Created)
        .AnsweringProblems(StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed)
        .WithSummary("Defines or changes a reward: name, costPoints, stock (total units), perMemberLimit, validFrom, validTo. If-Match: \"n\" stores it only at version n.");
    }

    public static IResult RewardNotFound(string programId, string rewardId) =>
        Problems.NotFound("Reward not found", $"Program '{programId}' has no reward '{rewardId}'.");
}
