using System.Globalization;

namespace Loyalty.Domain;

/// <summary>Local dates in a program's time zone: the calendar every day, week and month rule counts in.</summary>
public static class ProgramCalendar
{
    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        // Every event asks for its program's zone; the runtime's lookup takes a process-wide lock, which a profile
        // under load showed as a tenth of the CPU. Only zones that exist are kept, and the zone database is finite.
        if (ZonesById.TryGetValue(id, out var known))
        {
            zone = known;
            return true;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            ZonesById.TryAdd(id, zone);
            return true;
        }
        // A folder of the zone database ("Europe") is refused with a security or I/O error, not "not found".
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or System.Security.SecurityException
            or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo> ZonesById = new(StringComparer.Ordinal);

    public static TimeZoneInfo Zone(ProgramConfig config) =>
        TryFindZone(config.TimeZone, out var zone) ? zone : throw new InvalidOperationException($"Unknown time zone '{config.TimeZone}'.");

    public static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>
    /// The first instant of a local date. Where a zone skips midnight (a DST change at 00:00) the day starts at the
    /// first local time that exists.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        // Ambiguous only if clocks go back over midnight: the earlier of the two instants starts the day.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>"yyyy-MM" of the local month.</summary>
    public static string MonthKey(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string DayKey(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A number per ISO week that grows by one from week to week (weeks start on Monday).</summary>
    public static int WeekNumber(DateOnly date)
    {
        var daysSinceMonday = ((int)date.DayOfWeek + 6) % 7;
        return (date.DayNumber - daysSinceMonday) / 7;
    }

    public static int PeriodNumber(DateOnly date, StreakUnit unit) => unit == StreakUnit.Day ? date.DayNumber : WeekNumber(date);
}
