using System.Globalization;

namespace Loyalty.Domain;

/// <summary>Leaderboard periods: "all", or a calendar month "yyyy-MM" in the program's time zone, on event time.</summary>
public static class PeriodKeys
{
    public const string All = "all";

    public static string Month(DateTimeOffset at, TimeZoneInfo zone) => ProgramCalendar.MonthKey(ProgramCalendar.LocalDate(at, zone));

    public static IReadOnlyList<string> For(DateTimeOffset at, TimeZoneInfo zone) => [All, Month(at, zone)];

    public static bool IsValid(string key) =>
        key == All
        || (key.Length == 7 && DateTime.TryParseExact(key, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
}
