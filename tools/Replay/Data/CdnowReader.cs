using System.Globalization;

namespace Loyalty.Replay.Data;

/// <summary>
/// Reads the CDNOW log: whitespace-separated columns customer_id, date (yyyyMMdd), number_of_cds, dollar_value.
/// Each row is one purchase at noon New York time (so its day is the same in any US zone); zero amounts are skipped.
/// </summary>
public static class CdnowReader
{
    public const string Currency = "USD";
    public const string ZeroAmount = "zero amount";

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static ReplayData Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    public static ReplayData Read(TextReader text)
    {
        var events = new List<ReplayEvent>();
        var skipped = new Dictionary<string, int>();
        text.ReadLine(); // header
        var row = 0;
        while (text.ReadLine() is { } line)
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            row++;
            if (fields.Length != 4)
            {
                throw new FormatException($"CDNOW row {row}: expected 4 columns, found {fields.Length}.");
            }

            var amount = Money.ToMinor(decimal.Parse(fields[3], CultureInfo.InvariantCulture));
            if (amount <= 0)
            {
                skipped[ZeroAmount] = skipped.GetValueOrDefault(ZeroAmount) + 1;
                continue;
            }

            var date = DateTime.ParseExact(fields[1], "yyyyMMdd", CultureInfo.InvariantCulture).AddHours(12);
            events.Add(new ReplayEvent(
                ReplayEvent.PurchaseType, $"cdnow-{row}", fields[0], new DateTimeOffset(date, NewYork.GetUtcOffset(date)), amount, Currency));
        }

        return new ReplayData(events, skipped, Currency);
    }
}
