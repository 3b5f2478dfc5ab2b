namespace Loyalty.Tests.Shared;

/// <summary>Waits for effects that land asynchronously (streams, timers, other processes) by reading until they show.</summary>
public static class Polling
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    /// <summary>Polls until <paramref name="done"/> holds or the deadline passes; returns the last value read.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? Deadline);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until)
            {
                return value;
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
