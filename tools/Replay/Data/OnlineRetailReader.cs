using System.Globalization;
using CsvHelper;

namespace Loyalty.Replay.Data;

/// <summary>
/// Reads the UCI Online Retail log: one purchase per invoice (amount = Σ quantity × unit price, in pence), "C" invoices
/// as returns without an original, times as UK local time. Exact duplicate rows are dropped; invoices whose total
/// is not positive (not negative, for cancellations) are skipped. Both are counted.
/// </summary>
public static class OnlineRetailReader
{
    public const string Currency = "GBP";
    public const string Channel = "online";
    public const string DuplicateRow = "duplicate row";
    public const string NotPositiveTotal = "invoice total not positive";
    public const string NotNegativeCancellation = "cancellation total not negative";

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly Dictionary<string, string> NonProductCategories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["POST"] = "shipping",
        ["C2"] = "shipping",
        ["DOT"] = "shipping",
        ["M"] = "manual",
        ["D"] = "discount",
        ["BANK CHARGES"] = "fees",
    };

    public static ReplayData Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    public static ReplayData Read(TextReader text)
    {
        using var csv = CsvReader.Create(text, new CsvReaderOptions { HasHeader = true }, false);
        var seenRows = new HashSet<Row>();
        var invoices = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        var order = new List<string>();
        var skipped = new Dictionary<string, int>();
        foreach (var row in Rows(csv))
        {
            if (!seenRows.Add(row))
            {
                Count(skipped, DuplicateRow);
                continue;
            }

            if (!invoices.TryGetValue(row.InvoiceNo, out var rows))
            {
                invoices[row.InvoiceNo] = rows = [];
                order.Add(row.InvoiceNo);
            }

            rows.Add(row);
        }

        var events = new List<ReplayEvent>(order.Count);
        foreach (var invoice in order)
        {
            if (ToEvent(invoice, invoices[invoice], out var reason) is { } e)
            {
                events.Add(e);
            }
            else
            {
                Count(skipped, reason!);
            }
        }

        return new ReplayData(events, skipped, Currency);
    }

    private static ReplayEvent? ToEvent(string invoice, List<Row> rows, out string? skipReason)
    {
        skipReason = null;
        var first = rows[0];
        var total = Money.ToMinor(rows.Sum(r => r.Quantity * r.UnitPrice));
        var occurredAt = UkTime(first.InvoiceDate);
        if (invoice.StartsWith('C'))
        {
            if (total >= 0)
            {
                skipReason = NotNegativeCancellation;
                return null;
            }

            return new ReplayEvent(ReplayEvent.ReturnType, invoice, first.CustomerId, occurredAt, -total, Currency);
        }

        if (total <= 0)
        {
            skipReason = NotPositiveTotal;
            return null;
        }

        var lines = rows
            .Select(r => new ReplayLine(r.StockCode, NonProductCategories.GetValueOrDefault(r.StockCode), r.Quantity, Money.ToMinor(r.UnitPrice)))
            .Where(line => line.Quantity > 0 && line.UnitPriceMinor >= 0)
            .ToList();
        return new ReplayEvent(ReplayEvent.PurchaseType, invoice, first.CustomerId, occurredAt, total, Currency, lines, Channel);
    }

    /// <summary>"M/d/yyyy H:mm" as the retailer's local (UK) time, with the offset that applied then.</summary>
    public static DateTimeOffset UkTime(string text)
    {
        var local = DateTime.ParseExact(text, "M/d/yyyy H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None);
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }

    private static IEnumerable<Row> Rows(CsvReader csv)
    {
        csv.ReadHeader();
        int Column(string name) => csv.GetFieldIndex(name);
        var (invoice, stockCode, description, quantity, date, price, customer, country) = (
            Column("InvoiceNo"), Column("StockCode"), Column("Description"), Column("Quantity"),
            Column("InvoiceDate"), Column("UnitPrice"), Column("CustomerID"), Column("Country"));
        while (csv.Read())
        {
            yield return new Row(
                csv.GetString(invoice),
                csv.GetString(stockCode),
                csv.GetString(description),
                csv.Parse<long>(quantity, CultureInfo.InvariantCulture),
                csv.GetString(date),
                csv.Parse<decimal>(price, CultureInfo.InvariantCulture),
                csv.GetString(customer),
                csv.GetString(country));
        }
    }

    private static void Count(Dictionary<string, int> skipped, string reason) =>
        skipped[reason] = skipped.GetValueOrDefault(reason) + 1;

    /// <summary>One CSV row; a record, so identical rows compare equal.</summary>
    private sealed record Row(
        string InvoiceNo, string StockCode, string Description, long Quantity, string InvoiceDate, decimal UnitPrice,
        string CustomerId, string Country);
}
