using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Interfaces.Scheduling;
using Microsoft.Extensions.Options;

namespace Loyalty.Grains.Scheduling;

/// <summary>
/// Looks every <see cref="DueWorkOptions.PollInterval"/> for members of its slice whose time-driven work is due and
/// wakes them; the cost follows what is due, not how many members there are. A reminder (one per slice) brings it
/// back after a restart; a member woken sets its next due time itself.
/// </summary>
public sealed class DueWorkGrain(
    IDueWorkStore store,
    IOptions<DueWorkOptions> options,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock,
    ILogger<DueWorkGrain> logger)
    : Grain, IDueWorkGrain, IRemindable
{
    private const string KeepAliveReminder = "due-work";

    private string programId = "";
    private int slice;
    private bool reminderSet;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (program, rest) = GrainKeys.SplitProgram(this.GetPrimaryKeyString());
        (programId, slice) = (program, int.Parse(rest, System.Globalization.CultureInfo.InvariantCulture));
        var every = options.Value.PollInterval;
        this.RegisterGrainTimer(WakeDue, new GrainTimerCreationOptions(every, every) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task Start()
    {
        if (!reminderSet)
        {
            await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            reminderSet = true;
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask; // activation starts the timer

    private async Task WakeDue(CancellationToken cancellationToken)
    {
        var batch = options.Value.Batch;
        IReadOnlyList<string> due;
        do
        {
            due = await store.TakeDue(programId, slice, clock.GetUtcNow(), batch, options.Value.Lease);
            foreach (var chunk in due.Chunk(options.Value.WakeUpsInFlight))
            {
                await Task.WhenAll(chunk.Select(Wake));
            }
        }
        while (due.Count == batch && !cancellationToken.IsCancellationRequested);
    }

    private async Task Wake(string memberId)
    {
        try
        {
            await GrainFactory.GetGrain<IMemberGrain>(GrainKeys.Member(programId, memberId)).Wake();
        }
        catch (Exception e)
        {
            // Its lease brings it back: nothing is lost, only late.
            logger.LogWarning(e, "Waking member {MemberId} of {ProgramId} failed; it is tried again after its lease", memberId, programId);
        }
    }
}
