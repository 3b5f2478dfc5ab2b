using Loyalty.Domain;
using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Rewards;

namespace Loyalty.Gateway.Rewards;

/// <summary>The rewards catalogue: PUT/GET a reward; reading it shows the stock left.</summary>
public static class RewardEndpoints
{
    public static void MapRewardEndpoints(this IEndpointRouteBuilder routes)
    {
        var rewards = routes.MapGroup("/v1/programs/{programId}/rewards/{rewardId}").WithTags("Rewards").ForConfiguredPrograms();

        rewards.MapGet("", async (string programId, string rewardId, IClusterClient cluster, HttpContext context) =>
        {
            var reward = await cluster.GetGrain<IRewardGrain>(GrainKeys.Reward(programId, rewardId)).Get();
            if (reward is null)
            {
                return RewardNotFound(programId, rewardId);
            }

            context.Response.Headers.ETag = $"\"{reward.Version}\"";
            return TypedResults.Ok(reward);
        })
        .Produces<RewardSnapshot>()
        .WithSummary("A reward of the catalogue with its remaining stock.");

        rewards.MapPut("", async (string programId, string rewardId, HttpRequest request, IClusterClient cluster, HttpContext context) =>
        {
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
            var (stored, created) = await grain.Configure(new RewardSnapshot(
                definition.Name, definition.CostPoints, definition.Stock, definition.PerMemberLimit, definition.ValidFrom, definition.ValidTo, 0));
            context.Response.Headers.ETag = $"\"{stored.Version}\"";
            return created ? TypedResults.Created($"/v1/programs/{programId}/rewards/{rewardId}", stored) : TypedResults.Ok(stored);
        })
        .Accepts<RewardDefinition>("application/json")
        .Produces<RewardSnapshot>(StatusCodes.Status201Created)
        .WithSummary("Defines or changes a reward: name, costPoints, stock (total units), perMemberLimit, validFrom, validTo.");
    }

    public static IResult RewardNotFound(string programId, string rewardId) =>
        Problems.NotFound("Reward not found", $"Program '{programId}' has no reward '{rewardId}'.");
}
