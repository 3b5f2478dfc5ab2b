using System.Globalization;
using System.Text.Json;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Challenges;

namespace Loyalty.Gateway.Challenges;

/// <summary>Every challenge of a program.</summary>
public sealed record ChallengeList(IReadOnlyList<ChallengeResponse> Challenges);

/// <summary>A challenge on the wire, mapped here from the stored definition; reading one adds completions and winners.</summary>
public sealed record ChallengeResponse(
    string ChallengeId,
    string Name,
    string Start,
    string End,
    ChallengeGoalResponse Goal,
    ChallengeFiltersResponse? Filters,
    ChallengeRewardResponse Reward,
    int? MaxWinners,
    int? Completions,
    int? Winners)
{
    public static ChallengeResponse From(Challenge challenge)
    {
        var definition = challenge.Definition;
        return new(
            challenge.Id,
            definition.Name,
            challenge.LocalStart.ToString("s", CultureInfo.InvariantCulture),
            challenge.LocalEnd.ToString("s", CultureInfo.InvariantCulture),
            new ChallengeGoalResponse(JsonNamingPolicy.CamelCase.ConvertName(definition.Goal.Kind.ToString()), challenge.Target),
            definition.Filters is { } filters ? new ChallengeFiltersResponse(filters.Category, filters.Channel, filters.EngagementKind) : null,
            new ChallengeRewardResponse(definition.Reward.Points, definition.Reward.Badge),
            definition.MaxWinners,
            null,
            null);
    }
}

/// <summary>kind: spend, purchases, categories, streak or engagement.</summary>
public sealed record ChallengeGoalResponse(string Kind, long Target);

public sealed record ChallengeFiltersResponse(string? Category, string? Channel, string? EngagementKind);

public sealed record ChallengeRewardResponse(long Points, string? Badge);

/// <summary>Completions in the order they were recorded; the first maxWinners are the winners.</summary>
public sealed record ChallengeCompletionsResponse(int Total, int Winners, IReadOnlyList<ChallengeCompletionResponse> Items)
{
    public static ChallengeCompletionsResponse From(ChallengeCompletions completions) => new(
        completions.Total,
        completions.Winners,
        [.. completions.Items.Select(ChallengeCompletionResponse.From)]);
}

/// <summary>One completion; an erased member's keeps its place and whether it won, without a member id.</summary>
public sealed record ChallengeCompletionResponse(int Position, string? MemberId, DateTimeOffset CompletedAt, DateTimeOffset RecordedAt, bool Winner)
{
    public static ChallengeCompletionResponse From(ChallengeCompletion c) =>
        new(c.Position, c.MemberId.Length > 0 ? c.MemberId : null, c.CompletedAt, c.RecordedAt, c.Winner);
}
