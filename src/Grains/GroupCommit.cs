namespace Loyalty.Grains;

/// <summary>
/// Group commit for a grain whose callers wait for its writes: a write starts as soon as none is in flight, and what
/// changes meanwhile goes with the next one, so a change waits about one write, idle or busy. A failed write fails its
/// waiters; the grain's timer calls <see cref="WriteNow"/> again.
/// </summary>
/// <param name="hasChanges">Whether anything is waiting to be written.</param>
/// <param name="write">Writes what changed; on failure it leaves it to be written again and throws.</param>
/// <param name="failed">Told of a write that failed with nobody but its waiters to tell.</param>
internal sealed class GroupCommit(Func<bool> hasChanges, Func<Task> write, Action<Exception> failed)
{
    private TaskCompletionSource next = NewWrite();
    private Task? inFlight;

    /// <summary>
    /// Completes once what changed so far is stored. A caller that changed nothing still waits for the write in flight:
    /// what it repeated may be in it, unwritten.
    /// </summary>
    public Task Stored(bool changedNow)
    {
        var stored = changedNow ? next.Task : inFlight ?? Task.CompletedTask;
        if (hasChanges() && inFlight is null)
        {
            _ = WriteThenStartNext();
        }

        return stored;
    }

    /// <summary>Writes what changed unless nothing did or a write is in flight, then releases everyone who waited for it.</summary>
    public async Task WriteNow()
    {
        if (!hasChanges() || inFlight is not null)
        {
            return;
        }

        var completing = next;
        next = NewWrite();
        inFlight = completing.Task;
        try
        {
            await write();
            completing.SetResult();
        }
        catch (Exception e)
        {
            completing.SetException(e);
            throw;
        }
        finally
        {
            inFlight = null;
        }
    }

    private async Task WriteThenStartNext()
    {
        try
        {
            await WriteNow();
            if (hasChanges())
            {
                await WriteThenStartNext();
            }
        }
        catch (Exception e)
        {
            failed(e);
        }
    }

    private static TaskCompletionSource NewWrite() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
