namespace Loyalty.Grains.Interfaces.Notifications;

/// <summary>
/// One notification on its way to the program's webhooks. <see cref="Id"/> (<c>{program}/{member}/{number}</c>, numbers growing per member from the moment it started) is
/// unique and stable across retries, so a receiver drops repeats by it. <see cref="Kind"/> is camelCase:
/// tierUp, badgeEarned, challengeCompleted, pointsExpiringSoon.
/// </summary>
[GenerateSerializer, Immutable, Alias("loyalty.notification")]
public sealed record Notification(
    [property: Id(0)] string Id,
    [property: Id(1)] string ProgramId,
    [property: Id(2)] string MemberId,
    [property: Id(3)] string Kind,
    [property: Id(4)] DateTimeOffset OccurredAt,
    [property: Id(5)] string? Tier = null,
    [property: Id(6)] string? Badge = null,
    [property: Id(7)] string? Challenge = null,
    [property: Id(8)] long? Points = null,
    [property: Id(9)] DateTimeOffset? ExpiresAt = null);
