using System.Collections.Concurrent;
using System.Collections.Immutable;
using Loyalty.Grains.Interfaces.Security;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Security;

/// <summary>
/// Notes when keys are used and stores it every <see cref="SecurityOptions.KeyUseFlushInterval"/>, so a request never
/// waits on a write and a busy key costs one call per interval, not one per request.
/// </summary>
public sealed class KeyUseRecorder(IGrainFactory grains, IOptions<SecurityOptions> options, ILogger<KeyUseRecorder> logger)
    : BackgroundService
{
    private ConcurrentDictionary<(string ProgramId, string KeyId), DateTimeOffset> pending = new();

    public void Record(string programId, string keyId, DateTimeOffset at) =>
        pending.AddOrUpdate((programId, keyId), at, (_, held) => at > held ? at : held);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.KeyUseFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await Flush();
            }
        }
        catch (OperationCanceledException)
        {
            await Flush();
        }
    }

    private async Task Flush()
    {
        var taken = Interlocked.Exchange(ref pending, new());
        foreach (var program in taken.GroupBy(use => use.Key.ProgramId))
        {
            try
            {
                await grains.GetGrain<IProgramKeysGrain>(program.Key)
                    .RecordUse(program.ToImmutableDictionary(use => use.Key.KeyId, use => use.Value));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not store when the keys of {ProgramId} were last used", program.Key);
            }
        }
    }
}
