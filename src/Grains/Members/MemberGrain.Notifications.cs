using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Notifications;
using Loyalty.Grains.Programs;
using Loyalty.Client.Programs;

namespace Loyalty.Grains.Members;

/// <summary>
/// Notifications leave the member's outbox only once the program's webhook outbox has stored them; a failure leaves
/// them for the next change or reminder. Live feeds read the newest ones from the member view.
/// </summary>
public sealed partial class MemberGrain
{
    /// <summary>Hands the outbox to the program's webhook outbox, which drops repeats by id; true when it was handed.</summary>
    private async Task<bool> HandNotifications(ProgramRules rules)
    {
        var account = state.State;
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
        var slice = StableBucket.Of(memberId, notificationOptions.Value.Slices);
        await GrainFactory.GetGrain<INotificationOutboxGrain>(GrainKeys.NotificationOutbox(programId, slice)).Enqueue(notifications);
        account.News.ClearOutboxThrough(last);
        return true;
    }
}
