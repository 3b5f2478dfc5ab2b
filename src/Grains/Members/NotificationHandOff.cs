using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Notifications;

namespace Loyalty.Grains.Members;

/// <summary>
/// Notifications leave the member's outbox only once the program's webhook outbox has stored them; a failure leaves
/// them for the next change or wake-up. Live feeds read the newest ones from the member view.
/// </summary>
internal sealed class NotificationHandOff(IGrainFactory grains, int slices, string programId, string memberId)
{
    /// <summary>Hands the outbox to the webhook outbox of the member's slice, which drops repeats by id; true when handed.</summary>
    public async Task<bool> HandOff(MemberAccount account, ProgramRules rules)
    {
        if (account.News.Outbox.Count == 0)
        {
            return false;
        }

        var last = account.News.Outbox[^1].Sequence;
        if (rules.Config.Webhooks.Count == 0)
        {
            // Nowhere to send them; the next write stores the empty outbox.
            account.News.ClearOutboxThrough(last);
            return false;
        }

        ImmutableArray<Notification> notifications = [.. account.News.Outbox.Select(n => n.ToNotification(programId, memberId))];
        var slice = StableBucket.Of(memberId, slices);
        await grains.GetGrain<INotificationOutboxGrain>(GrainKeys.NotificationOutbox(programId, slice)).Enqueue(notifications);
        account.News.ClearOutboxThrough(last);
        return true;
    }
}
