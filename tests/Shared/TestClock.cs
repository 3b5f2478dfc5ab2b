namespace Loyalty.Tests.Shared;

/// <summary>
/// The clock tests and the product under test share. Normally the system clock; with <c>LOYALTY_TEST_CLOCK</c> set
/// to an ISO 8601 instant, time starts there when the test process starts and runs on at the real pace, so the
/// suite can be run on chosen dates (month ends, DST changes, leap days) as well as today.
/// </summary>
public static class TestClock
{
    public const string Variable = "LOYALTY_TEST_CLOCK";

    public static TimeProvider Provider { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } start
        ? new ShiftedTimeProvider(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture))
        : TimeProvider.System;

    public static DateTimeOffset UtcNow => Provider.GetUtcNow();

    /// <summary>The real (system) instant at which the test clock shows <paramref name="testTime"/>.</summary>
    public static DateTimeOffset ToSystemTime(DateTimeOffset testTime) => testTime + (DateTimeOffset.UtcNow - UtcNow);

    private sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan shift = start - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }
}
