namespace Loyalty.Domain;

/// <summary>
/// Notifications: each is numbered and kept in an outbox until the webhook outbox has stored it, so none is lost
/// between the member and the webhooks; the newest few also stay for live feeds.
/// </summary>
public sealed partial class MemberAccount
{
    public const int RecentNotificationsKept = 20;

    public long NotificationSequence { get; set; }

    /// <summary>Notifications not yet handed to the webhook outbox, oldest first.</summary>
    public List<MemberNotification> Outbox { get; set; } = [];

    /// <summary>The newest <see cref="RecentNotificationsKept"/> notifications, oldest first.</summary>
    public List<MemberNotification> RecentNotifications { get; set; } = [];

    /// <summary>The first expiry date already announced as "expiring soon", so each is announced once.</summary>
    public DateTimeOffset? ExpiryAnnouncedFor { get; set; }

    /// <summary>The outbox has stored everything up to <paramref name="sequence"/>.</summary>
    public void Handed(long sequence) => Outbox.RemoveAll(n => n.Sequence <= sequence);

    /// <summary>When the next "expiring soon" notice is due, if one is still to come.</summary>
    public DateTimeOffset? NextExpiryNoticeAt(ProgramConfig config) =>
        AvailableLots.NextExpiry is { } next && next != ExpiryAnnouncedFor ? next.AddDays(-config.ExpiryWarningDays) : null;

    // Notifications about moments older than this are no news: history replayed or arriving late stays quiet.
    private DateTimeOffset newsHorizon = DateTimeOffset.MinValue;

    private void SetNewsHorizon(ProgramConfig config, DateTimeOffset now) => newsHorizon = now.AddDays(-config.NewsHorizonDays);

    private void Notify(NotificationKind kind, DateTimeOffset at, string? tier = null, string? badge = null, string? challenge = null,
        long? points = null, DateTimeOffset? expiresAt = null)
    {
        if (at < newsHorizon)
        {
            return;
        }

        var notification = new MemberNotification(++NotificationSequence, kind, at, tier, badge, challenge, points, expiresAt);
        Outbox.Add(notification);
        RecentNotifications.Add(notification);
        if (RecentNotifications.Count > RecentNotificationsKept)
        {
            RecentNotifications.RemoveRange(0, RecentNotifications.Count - RecentNotificationsKept);
        }
    }

    /// <summary>Announces points about to expire once per first expiry date, when it comes within the warning window.</summary>
    private bool AnnounceExpiry(ProgramConfig config, DateTimeOffset now)
    {
        if (ExpiringSoon(config, now) is not { } soon || soon.FirstAt == ExpiryAnnouncedFor)
        {
            return false;
        }

        ExpiryAnnouncedFor = soon.FirstAt;
        Notify(NotificationKind.PointsExpiringSoon, now, points: soon.Points, expiresAt: soon.FirstAt);
        return true;
    }
}
