using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Notifications;
using Loyalty.Grains.Programs;
using Loyalty.Client.Programs;
using Loyalty.Client.Telemetry;
using Microsoft.Extensions.Options;

namespace Loyalty.Grains.Notifications;

/// <summary>
/// Stores notifications, then delivers them to each of the program's webhooks in order, one at a time per webhook,
/// resting a failing webhook for <see cref="NotificationOptions.RetryDelay"/> (the client's own quick retries within
/// one delivery are its resilience handler's). A notification leaves a webhook's queue only once that webhook
/// answered 2xx: delivery is at least once, and receivers drop repeats by id. While anything is queued a reminder
/// keeps the outbox coming back, after a silo restart too.
/// </summary>
public sealed class NotificationOutboxGrain(
    [PersistentState("notifications", StorageNames.Loyalty)] IPersistentState<NotificationOutboxState> state,
    ProgramRulesCache programs,
    WebhookClient webhooks,
    IOptions<NotificationOptions> options,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock,
    ILogger<NotificationOutboxGrain> logger)
    : Grain, INotificationOutboxGrain, IRemindable
{
    private const string WakeReminder = "webhook-delivery";

    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly Dictionary<string, Backoff> backoff = new(StringComparer.Ordinal);

    // The notification each webhook is being sent now, so erasing its member stops the sending and its retries.
    private readonly Dictionary<string, (Notification Notification, CancellationTokenSource Stop)> sending = new(StringComparer.Ordinal);
    private RecentSet<string, string> recentIds = new([], id => id);
    private string programId = "";
    private bool delivering;
    private bool? reminderSet;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (programId, _) = GrainKeys.SplitProgram(this.GetPrimaryKeyString());
        recentIds = new(state.State.RecentIds, id => id, StringComparer.Ordinal);
        var tick = options.Value.DeliveryTick;
        this.RegisterGrainTimer(Deliver, new GrainTimerCreationOptions(tick, tick) { Interleave = true });
        return Task.CompletedTask;
    }

    public async Task Enqueue(ImmutableArray<Notification> notifications)
    {
        var endpoints = (await programs.Get(programId))?.Config.Webhooks ?? [];
        var added = false;
        foreach (var notification in notifications)
        {
            if (!recentIds.Add(notification.Id))
            {
                continue;
            }

            foreach (var endpoint in endpoints)
            {
                QueueFor(endpoint.Id).Add(notification);
                added = true;
            }
        }

        ForgetOldIds();
        await Save();
        if (added)
        {
            await MatchReminderToQueue();
        }
    }

    public Task<ImmutableArray<Notification>> QueuedFor(string memberId) => Task.FromResult<ImmutableArray<Notification>>(
        [.. state.State.Queues.Values.SelectMany(queue => queue).Where(n => n.MemberId == memberId).DistinctBy(n => n.Id)]);

    public async Task ForgetMember(string memberId)
    {
        // Ids are "{program}/{member}/{number}": the member's own prefix finds them among the remembered ids.
        var prefix = $"{programId}/{memberId}/";
        var dropped = recentIds.RemoveWhere(id => id.StartsWith(prefix, StringComparison.Ordinal));
        foreach (var queue in state.State.Queues.Values)
        {
            dropped += queue.RemoveAll(n => n.MemberId == memberId);
        }

        foreach (var (_, stop) in sending.Values.Where(s => s.Notification.MemberId == memberId))
        {
            await stop.CancelAsync();
        }

        if (dropped > 0)
        {
            await Save();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Deliver();

    /// <summary>Sends what is due on every webhook, each in its own order; one pass at a time.</summary>
    private async Task Deliver()
    {
        if (delivering)
        {
            return;
        }

        delivering = true;
        try
        {
            var endpoints = (await programs.Get(programId))?.Config.Webhooks ?? [];
            var delivered = await Task.WhenAll(endpoints.Select(DeliverTo));
            var dropped = DropRemovedWebhooks(endpoints);
            if (delivered.Any(sent => sent) || dropped)
            {
                await Save();
            }

            await MatchReminderToQueue();
        }
        finally
        {
            delivering = false;
        }
    }

    private async Task<bool> DeliverTo(WebhookEndpoint endpoint)
    {
        var queue = QueueFor(endpoint.Id);
        var wait = backoff.GetValueOrDefault(endpoint.Id);
        var sent = false;
        while (queue.Count > 0 && (wait is null || wait.Until <= clock.GetUtcNow()))
        {
            var next = queue[0];
            var delivered = await Send(endpoint, next);
            if (delivered is null)
            {
                continue; // its member was erased meanwhile, which took it out of the queue
            }

            if (delivered == false)
            {
                LoyaltyMetrics.WebhookFailures.Add(1, LoyaltyMetrics.ProgramTag(programId));
                var failures = (wait?.Failures ?? 0) + 1;
                var delay = options.Value.RetryDelay(failures);
                backoff[endpoint.Id] = wait = new Backoff(failures, clock.GetUtcNow() + delay);
                logger.LogDebug("Webhook {Webhook} of {Program} failed {Failures} times in a row; next try in {Delay}", endpoint.Id, programId, failures, delay);
                break;
            }

            LoyaltyMetrics.WebhookDeliveries.Add(1, LoyaltyMetrics.ProgramTag(programId));
            if (queue.Count > 0 && ReferenceEquals(queue[0], next))
            {
                queue.RemoveAt(0);
            }

            backoff.Remove(endpoint.Id);
            wait = null;
            sent = true;
        }

        return sent;
    }

    /// <summary>True when the webhook took it, false when it failed, null when its member was erased meanwhile.</summary>
    private async Task<bool?> Send(WebhookEndpoint endpoint, Notification notification)
    {
        using var stop = new CancellationTokenSource();
        sending[endpoint.Id] = (notification, stop);
        try
        {
            var delivered = await webhooks.Deliver(endpoint, notification, stop.Token);
            return stop.IsCancellationRequested ? null : delivered;
        }
        finally
        {
            sending.Remove(endpoint.Id);
        }
    }

    private List<Notification> QueueFor(string webhookId)
    {
        if (!state.State.Queues.TryGetValue(webhookId, out var queue))
        {
            state.State.Queues[webhookId] = queue = [];
        }

        if (queue.Count > options.Value.MaxQueued)
        {
            logger.LogWarning("Webhook {Webhook} of {Program} has {Count} undelivered notifications; dropping the oldest", webhookId, programId, queue.Count);
            queue.RemoveRange(0, queue.Count - options.Value.MaxQueued);
        }

        return queue;
    }

    /// <summary>A webhook taken out of the configuration takes its queue with it.</summary>
    private bool DropRemovedWebhooks(IReadOnlyList<WebhookEndpoint> endpoints)
    {
        var removed = state.State.Queues.Keys.Where(id => !endpoints.Any(e => e.Id == id)).ToList();
        foreach (var id in removed)
        {
            state.State.Queues.Remove(id);
            backoff.Remove(id);
        }

        return removed.Count > 0;
    }

    private void ForgetOldIds() => recentIds.DropOldest(options.Value.RecentIdsKept);

    /// <summary>Enqueue and delivery interleave; their writes must not, or the second would meet a stale etag.</summary>
    private async Task Save()
    {
        await writing.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>A reminder while anything is queued, none when nothing is: it brings the outbox back after a restart.</summary>
    private async Task MatchReminderToQueue()
    {
        var pending = state.State.Queues.Values.Any(queue => queue.Count > 0);
        if (pending)
        {
            // Staying active keeps the fast timer going; the reminder is the fallback.
            this.DelayDeactivation(TimeSpan.FromMinutes(2));
        }

        if (pending == reminderSet)
        {
            return;
        }

        if (pending)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
        else if (await this.GetReminder(WakeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        reminderSet = pending;
    }

    private sealed record Backoff(int Failures, DateTimeOffset Until);
}
