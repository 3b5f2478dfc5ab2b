using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Notifications;

/// <summary>
/// A program's outbound notifications for a slice of its members (key <see cref="GrainKeys.NotificationOutbox"/>, one per slice of members):
/// stored, then delivered to every webhook of the program, retried with backoff until each answers 2xx.
/// </summary>
public interface INotificationOutboxGrain : IGrainWithStringKey
{
    /// <summary>Completes once the notifications are stored; repeating one (same id) changes nothing.</summary>
    Task Enqueue(ImmutableArray<Notification> notifications);

    /// <summary>The member's notifications still queued for any webhook, oldest first.</summary>
    Task<ImmutableArray<Notification>> QueuedFor(string memberId);

    /// <summary>Drops the member's queued notifications and the ids remembered of them (erasure).</summary>
    Task ForgetMember(string memberId);
}
