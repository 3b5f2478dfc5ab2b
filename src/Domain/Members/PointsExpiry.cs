namespace Loyalty.Domain;

/// <summary>When available points expire: <c>expiryMonths</c> after the local day they became available, at the end of that day.</summary>
public static class PointsExpiry
{
    /// <summary>
    /// Null without expiry. Points available on local day D expire at the start of the day after D + N months (month
    /// ends clamp: 31 January + 1 month is 28 February), in the program's zone, DST included.
    /// </summary>
    public static DateTimeOffset? ExpiresAt(DateTimeOffset availableAt, ProgramConfig config, TimeZoneInfo zone) =>
        config.ExpiryMonths is { } months
            ? ProgramCalendar.StartOfDay(ProgramCalendar.LocalDate(availableAt, zone).AddMonths(months).AddDays(1), zone)
            : null;
}
