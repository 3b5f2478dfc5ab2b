namespace Loyalty.Domain;

/// <summary>
/// Something a member should hear about, numbered in the order it happened to them. Only the fields of its kind are
/// set: <see cref="Tier"/> for <see cref="NotificationKind.TierUp"/>, <see cref="Badge"/> for
/// <see cref="NotificationKind.BadgeEarned"/>, <see cref="Challenge"/> for <see cref="NotificationKind.ChallengeCompleted"/>,
/// <see cref="Points"/> and <see cref="ExpiresAt"/> for <see cref="NotificationKind.PointsExpiringSoon"/>.
/// </summary>
public sealed record MemberNotification(
    long Sequence,
    NotificationKind Kind,
    DateTimeOffset OccurredAt,
    string? Tier = null,
    string? Badge = null,
    string? Challenge = null,
    long? Points = null,
    DateTimeOffset? ExpiresAt = null);

public enum NotificationKind
{
    TierUp,
    BadgeEarned,
    ChallengeCompleted,
    PointsExpiringSoon,
}
