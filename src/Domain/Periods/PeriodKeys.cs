using System.Collections.Concurrent;
using System.Globalization;

namespace Loyalty.Domain;

/// <summary>
/// Leaderboard periods, local to the program's time zone and taken from event time: "all", a day "yyyy-MM-dd", an
/// ISO week "yyyy-Www" (weeks start on Monday; the year is the ISO week-numbering year) and a month "yyyy-MM".
/// A new period is a new key, so a board resets exactly at the local boundary.
/// </summary>
public static class PeriodKeys
{
    public const string All = "all";

    /// <summary>
    /// The last year a period key may name: a period's end plus the longest retention (about 100 years) must still
    /// be a date, and DateOnly ends in 9999. No event can be dated anywhere near it.
    /// </summary>
    public const int LastYear = 9000;

    public const string Rule = "must be \"all\", a day YYYY-MM-DD, an ISO week YYYY-Www or a month YYYY-MM, in a year up to 9000";

    public static string Day(DateTimeOffset at, TimeZoneInfo zone) => ProgramCalendar.DayKey(ProgramCalendar.LocalDate(at, zone));

    public static string Week(DateTimeOffset at, TimeZoneInfo zone) => WeekKey(ProgramCalendar.LocalDate(at, zone));

    public static string Month(DateTimeOffset at, TimeZoneInfo zone) => ProgramCalendar.MonthKey(ProgramCalendar.LocalDate(at, zone));

    /// <summary>Every period an event at <paramref name="at"/> counts in.</summary>
    public static IReadOnlyList<string> For(DateTimeOffset at, TimeZoneInfo zone)
    {
        var date = ProgramCalendar.LocalDate(at, zone);
        if (KeysByDate.TryGetValue(date, out var keys))
        {
            return keys;
        }

        keys = [All, ProgramCalendar.DayKey(date), WeekKey(date), ProgramCalendar.MonthKey(date)];
        if (KeysByDate.Count < MaxCachedDates)
        {
            KeysByDate.TryAdd(date, keys);
        }

        return keys;
    }

    // The keys of a local date never change, and every event of that date asks for them (twice: its member's
    // totals and its board updates); a few thousand dates cover years of traffic.
    private const int MaxCachedDates = 10_000;
    private static readonly ConcurrentDictionary<DateOnly, string[]> KeysByDate = new();

    public static string WeekKey(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day):0000}-W{ISOWeek.GetWeekOfYear(day):00}");
    }

    public static bool IsValid(string key) => key == All || TryParse(key, out _);

    /// <summary>The kind of a period key and the local dates it covers, [First, End); false for "all" and for junk.</summary>
    public static bool TryParse(string key, out LocalPeriod period)
    {
        // Parsed by hand: members parse their period keys on every purchase, and the culture-aware exact parser
        // was a visible share of a member's CPU.
        period = default;
        if (key.Length < 7 || !TryDigits(key, 0, 4, out var year) || year < 1 || year > LastYear || key[4] != '-')
        {
            return false;
        }

        if (key[5] == 'W')
        {
            if (key.Length != 8 || !TryDigits(key, 6, 2, out var week) || week < 1 || week > ISOWeek.GetWeeksInYear(year))
            {
                return false;
            }

            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
            period = new LocalPeriod(PeriodKind.Week, monday, monday.AddDays(7));
            return true;
        }

        if (!TryDigits(key, 5, 2, out var month) || month is < 1 or > 12)
        {
            return false;
        }

        if (key.Length == 7)
        {
            var first = new DateOnly(year, month, 1);
            period = new LocalPeriod(PeriodKind.Month, first, first.AddMonths(1));
            return true;
        }

        if (key.Length != 10 || key[7] != '-' || !TryDigits(key, 8, 2, out var dayOfMonth)
            || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var day = new DateOnly(year, month, dayOfMonth);
        period = new LocalPeriod(PeriodKind.Day, day, day.AddDays(1));
        return true;
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            value = value * 10 + digit;
        }

        return true;
    }

    /// <summary>
    /// The instant a past period stops being kept: its local end plus the retention its kind has. Null for "all",
    /// which is kept for ever.
    /// </summary>
    public static DateTimeOffset? KeptUntil(string key, TimeZoneInfo zone, BoardRetention retention)
    {
        if (!TryParse(key, out var period))
        {
            return null;
        }

        var keptEnd = period.Kind switch
        {
            PeriodKind.Day => period.End.AddDays(retention.Days),
            PeriodKind.Week => period.End.AddDays(7 * retention.Weeks),
            _ => period.End.AddMonths(retention.Months),
        };
        return ProgramCalendar.StartOfDay(keptEnd, zone);
    }

    /// <summary>The period of a kind that <paramref name="now"/> falls in, local to the program.</summary>
    public static string Current(PeriodKind kind, DateTimeOffset now, TimeZoneInfo zone) => Key(kind, ProgramCalendar.LocalDate(now, zone));

    /// <summary>
    /// The oldest period of a kind still kept at <paramref name="now"/>: the current one stepped back by the kind's
    /// retention (a period is kept while today is before its end plus the retention).
    /// </summary>
    public static string OldestKept(PeriodKind kind, DateTimeOffset now, TimeZoneInfo zone, BoardRetention retention)
    {
        var today = ProgramCalendar.LocalDate(now, zone);
        return Key(kind, kind switch
        {
            PeriodKind.Day => today.AddDays(-retention.Days),
            PeriodKind.Week => today.AddDays(-7 * retention.Weeks),
            _ => today.AddMonths(-retention.Months),
        });
    }

    private static string Key(PeriodKind kind, DateOnly date) => kind switch
    {
        PeriodKind.Day => ProgramCalendar.DayKey(date),
        PeriodKind.Week => WeekKey(date),
        _ => ProgramCalendar.MonthKey(date),
    };

    /// <summary>Whether a period can still be read and still receives late events at <paramref name="now"/>.</summary>
    public static bool IsKept(string key, TimeZoneInfo zone, BoardRetention retention, DateTimeOffset now) =>
        KeptUntil(key, zone, retention) is not { } until || now < until;
}

public enum PeriodKind
{
    Day,
    Week,
    Month,
}

/// <summary>A period's local dates: from <see cref="First"/> up to, not including, <see cref="End"/>.</summary>
public readonly record struct LocalPeriod(PeriodKind Kind, DateOnly First, DateOnly End);
