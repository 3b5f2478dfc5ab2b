namespace Loyalty.Domain;

/// <summary>
/// Notifications: each is numbered and kept in an outbox until the webhook outbox has stored it, so none is lost
/// between the member and the webhooks; the newest few also stay for live feeds.
/// </summary>
public sealed class MemberNews
{
    public const int RecentKept = 20;

    private readonly List<MemberNotification> outbox;
    private readonly List<MemberNotification> recent;

    // Notifications about moments older than this are no news: history replayed or arriving late stays quiet.
    private DateTimeOffset horizon = DateTimeOffset.MinValue;

    public MemberNews()
        : this(0, [], [], null)
    {
    }

    private MemberNews(long sequence, List<MemberNotification> outbox, List<MemberNotification> recent, DateTimeOffset? expiryAnnouncedFor)
    {
        (Sequence, this.outbox, this.recent, ExpiryAnnouncedFor) = (sequence, outbox, recent, expiryAnnouncedFor);
    }

    public static MemberNews Restore(
        long sequence, IEnumerable<MemberNotification> outbox, IEnumerable<MemberNotification> recent, DateTimeOffset? expiryAnnouncedFor) =>
        new(sequence, [.. outbox], [.. recent], expiryAnnouncedFor);

    /// <summary>The newest notification's number.</summary>
    public long Sequence { get; private set; }

    /// <summary>Notifications not yet handed to the webhook outbox, oldest first.</summary>
    public IReadOnlyList<MemberNotification> Outbox => outbox;

    /// <summary>The newest <see cref="RecentKept"/> notifications, oldest first.</summary>
    public IReadOnlyList<MemberNotification> Recent => recent;

    /// <summary>The first expiry date already announced as "expiring soon", so each is announced once.</summary>
    public DateTimeOffset? ExpiryAnnouncedFor { get; private set; }

    /// <summary>
    /// Numbers a new member's notifications on from the moment it started (a thousand numbers a millisecond), so a
    /// member erased and later started again under the same id never repeats an id a webhook receiver has seen.
    /// </summary>
    public void NumberFrom(DateTimeOffset startedAt)
    {
        if (Sequence == 0)
        {
            Sequence = startedAt.ToUnixTimeMilliseconds() * 1_000;
        }
    }

    /// <summary>The webhook outbox has stored everything up to <paramref name="sequence"/>: it leaves this outbox.</summary>
    public void ClearOutboxThrough(long sequence) => outbox.RemoveAll(n => n.Sequence <= sequence);

    /// <summary>When the next "expiring soon" notice is due, if one is still to come.</summary>
    public DateTimeOffset? NextExpiryNoticeAt(DateTimeOffset? nextExpiry, ProgramConfig config) =>
        nextExpiry is { } next && next != ExpiryAnnouncedFor ? next.AddDays(-config.ExpiryWarningDays) : null;

    public void SetHorizon(ProgramConfig config, DateTimeOffset now) => horizon = now.AddDays(-config.NewsHorizonDays);

    public void Notify(NotificationKind kind, DateTimeOffset at, string? tier = null, string? badge = null, string? challenge = null,
        long? points = null, DateTimeOffset? expiresAt = null)
    {
        if (at < horizon)
        {
            return;
        }

        var notification = new MemberNotification(++Sequence, kind, at, tier, badge, challenge, points, expiresAt);
        outbox.Add(notification);
        recent.Add(notification);
        if (recent.Count > RecentKept)
        {
            recent.RemoveRange(0, recent.Count - RecentKept);
        }
    }

    /// <summary>Announces points about to expire once per first expiry date, when it comes within the warning window.</summary>
    public bool AnnounceExpiry(ExpiringPoints? soon, DateTimeOffset now)
    {
        if (soon is null || soon.FirstAt == ExpiryAnnouncedFor)
        {
            return false;
        }

        ExpiryAnnouncedFor = soon.FirstAt;
        Notify(NotificationKind.PointsExpiringSoon, now, points: soon.Points, expiresAt: soon.FirstAt);
        return true;
    }
}
