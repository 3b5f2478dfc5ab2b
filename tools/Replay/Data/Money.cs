namespace Loyalty.Replay.Data;

public static class Money
{
    /// <summary>Major units to minor units, rounded half away from zero (decimal arithmetic: exact for these inputs).</summary>
    public static long ToMinor(decimal amount) => (long)Math.Round(amount * 100m, MidpointRounding.AwayFromZero);
}
