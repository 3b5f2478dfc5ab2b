using Loyalty.Replay.Data;

namespace Loyalty.Replay.Tests;

public sealed class OnlineRetailReaderTests
{
    private const string Header = "\"InvoiceNo\",\"StockCode\",\"Description\",\"Quantity\",\"InvoiceDate\",\"UnitPrice\",\"CustomerID\",\"Country\"\n";

    private static ReplayData Read(string rows) => OnlineRetailReader.Read(new StringReader(Header + rows));

    [Fact]
    public void An_invoice_becomes_one_purchase_with_its_lines_and_total_in_pence()
    {
        var data = Read("""
            "536370","22728","ALARM CLOCK",24,"12/1/2010 8:45",3.75,12583,"France"
            "536370","POST","POSTAGE",3,"12/1/2010 8:45",18,12583,"France"
            """);

        var purchase = Assert.Single(data.Events);
        Assert.Equal(("purchase", "536370", "12583"), (purchase.Type, purchase.EventId, purchase.MemberId));
        Assert.Equal(24 * 375 + 3 * 1800, purchase.AmountMinor);
        Assert.Equal("GBP", purchase.Currency);
        Assert.Equal(new DateTimeOffset(2010, 12, 1, 8, 45, 0, TimeSpan.Zero), purchase.OccurredAt);
        Assert.Equal([new ReplayLine("22728", null, 24, 375), new ReplayLine("POST", "shipping", 3, 1800)], purchase.Lines);
    }

    [Fact]
    public void Summer_times_carry_the_british_summer_time_offset()
    {
        var data = Read("\"550000\",\"A\",\"X\",1,\"7/4/2011 10:00\",1,1,\"Spain\"\n");
        Assert.Equal(TimeSpan.FromHours(1), data.Events[0].OccurredAt.Offset);
    }

    [Fact]
    public void Totals_round_half_away_from_zero()
    {
        // 3 × 0.835 = 2.505 → 251 pence; a cancellation of the same: −2.505 → a return of 251.
        var data = Read("""
            "560000","A","X",3,"1/4/2011 10:00",0.835,7,"Spain"
            "C560001","A","X",-3,"1/4/2011 11:00",0.835,7,"Spain"
            """);
        Assert.Equal([251L, 251L], data.Events.Select(e => e.AmountMinor));
        Assert.Equal(["purchase", "return"], data.Events.Select(e => e.Type));
        Assert.Null(data.Events[1].OriginalEventId);
    }

    [Fact]
    public void Exact_duplicate_rows_are_dropped_and_counted()
    {
        var data = Read("""
            "570000","A","X",2,"1/4/2011 10:00",1.5,7,"Spain"
            "570000","A","X",2,"1/4/2011 10:00",1.5,7,"Spain"
            """);
        Assert.Equal(300, Assert.Single(data.Events).AmountMinor);
        Assert.Equal(1, data.Skipped[OnlineRetailReader.DuplicateRow]);
    }

    [Fact]
    public void Zero_price_lines_are_kept_and_non_positive_invoices_skipped()
    {
        var data = Read("""
            "580000","A","X",2,"1/4/2011 10:00",0,7,"Spain"
            "580000","B","Y",1,"1/4/2011 10:00",1,7,"Spain"
            "580001","A","X",1,"1/4/2011 10:00",0,8,"Spain"
            """);
        var purchase = Assert.Single(data.Events);
        Assert.Equal(2, purchase.Lines!.Count);
        Assert.Equal(1, data.Skipped[OnlineRetailReader.NotPositiveTotal]);
    }

    [Fact]
    public void The_real_log_has_the_documented_shape()
    {
        var data = OnlineRetailReader.Read(SharedData.File("online_retail.csv"));

        Assert.Equal(75, data.Skipped[OnlineRetailReader.DuplicateRow]);
        var invoices = data.Events.Count + data.SkippedTotal - data.Skipped[OnlineRetailReader.DuplicateRow];
        Assert.Equal(2_333, invoices);
        Assert.Equal(446, data.Events.Count(e => e.EventId.StartsWith('C')) + data.Skipped.GetValueOrDefault(OnlineRetailReader.NotNegativeCancellation));
        Assert.Equal(422, data.Events.Select(e => e.MemberId).Distinct().Count());
        Assert.All(data.Events, e => Assert.True(e.AmountMinor > 0));
    }
}
