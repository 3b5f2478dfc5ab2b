using Loyalty.Grains.Interfaces.Notifications;

namespace Loyalty.Grains.Notifications;

/// <summary>What each webhook has still to receive, in order, and the ids taken lately (so a repeat is dropped).</summary>
public sealed class NotificationOutboxState
{
    public Dictionary<string, List<Notification>> Queues { get; set; } = new(StringComparer.Ordinal);

    public List<string> RecentIds { get; set; } = [];
}
