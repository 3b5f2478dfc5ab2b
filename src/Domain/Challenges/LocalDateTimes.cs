using System.Globalization;

namespace Loyalty.Domain;

/// <summary>Wall-clock times in a program's zone, written without an offset: a date, or a date and a time.</summary>
public static class LocalDateTimes
{
    public const string Rule = "must be a local date or date-time without offset: 2026-12-01 or 2026-12-01T09:00";

    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];

    public static bool TryParse(string? text, out DateTime local) =>
        DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    /// <summary>The wall-clock time of <paramref name="at"/> in <paramref name="zone"/>.</summary>
    public static DateTime In(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).DateTime;
}
