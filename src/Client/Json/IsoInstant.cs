namespace Loyalty.Client.Json;

/// <summary>
/// Instants in request bodies: ISO 8601 (the RFC 3339 profile) with seconds and an explicit offset, nothing else:
/// <c>yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)</c>. A lenient parser also takes "12/01/2026", RFC 1123 or a bare date,
/// which servers read differently. Read by hand, character by character: every ingested event has one, and the
/// framework's culture-aware exact parser was a tenth of the gateway's CPU.
/// </summary>
public static class IsoInstant
{
    public const string Rule = "must be an ISO 8601 date-time with seconds and an offset, e.g. 2026-05-01T10:15:00+02:00";

    private const int FractionDigitsKept = 7; // .NET's tick resolution; producers such as Java may send 9
    private const int MaxFractionDigits = 9;
    private const long MaxOffsetTicks = 14 * TimeSpan.TicksPerHour;

    public static bool TryParse(string? text, out DateTimeOffset at)
    {
        at = default;
        if (text is null || text.Length < "yyyy-MM-ddTHH:mm:ssZ".Length)
        {
            return false;
        }

        var s = text.AsSpan();
        if (!Number(s, 0, 4, out var year) || s[4] != '-' || !Number(s, 5, 2, out var month) || s[7] != '-'
            || !Number(s, 8, 2, out var day) || s[10] is not ('T' or 't') || !Number(s, 11, 2, out var hour) || s[13] != ':'
            || !Number(s, 14, 2, out var minute) || s[16] != ':' || !Number(s, 17, 2, out var second))
        {
            return false;
        }

        var position = 19;
        var fractionTicks = 0L;
        if (s[position] == '.')
        {
            var first = ++position;
            while (position < s.Length && char.IsAsciiDigit(s[position]))
            {
                if (position - first < FractionDigitsKept)
                {
                    fractionTicks = (fractionTicks * 10) + (s[position] - '0');
                }

                position++;
            }

            var digits = position - first;
            if (digits is 0 or > MaxFractionDigits)
            {
                return false;
            }

            for (var scale = digits; scale < FractionDigitsKept; scale++)
            {
                fractionTicks *= 10;
            }
        }

        return TryOffset(s[position..], out var offset)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && hour <= 23 && minute <= 59 && second <= 59
            && TryCombine(new DateTime(year, month, day, hour, minute, second).AddTicks(fractionTicks), offset, out at);
    }

    /// <summary>"Z", "z" or "±HH:mm" within ±14 hours, and nothing after it.</summary>
    private static bool TryOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s is ['Z' or 'z'])
        {
            return true;
        }

        if (s.Length != 6 || s[0] is not ('+' or '-') || !Number(s, 1, 2, out var hours) || s[3] != ':'
            || !Number(s, 4, 2, out var minutes) || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        offset = s[0] == '-' ? -offset : offset;
        return Math.Abs(offset.Ticks) <= MaxOffsetTicks;
    }

    /// <summary>The instant, when its UTC value is one .NET can hold.</summary>
    private static bool TryCombine(DateTime local, TimeSpan offset, out DateTimeOffset at)
    {
        var utcTicks = local.Ticks - offset.Ticks;
        var representable = utcTicks >= DateTime.MinValue.Ticks && utcTicks <= DateTime.MaxValue.Ticks;
        at = representable ? new DateTimeOffset(local, offset) : default;
        return representable;
    }

    private static bool Number(ReadOnlySpan<char> s, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }
}
