using Loyalty.Replay.Data;

namespace Loyalty.Replay.Tests;

public sealed class CdnowReaderTests
{
    [Fact]
    public void Rows_become_purchases_at_noon_new_york_time()
    {
        var data = CdnowReader.Read(new StringReader(" customer_id  date number_of_cds  dollar_value\r\n 00002 19970112  5   77.00\r\n 00003 19970702  2   0.00\r\n 00004 19970702  1   12.345\r\n"));

        Assert.Equal(2, data.Events.Count);
        var first = data.Events[0];
        Assert.Equal(("cdnow-1", "00002", 7_700L, "USD"), (first.EventId, first.MemberId, first.AmountMinor, first.Currency));
        Assert.Equal(new DateTimeOffset(1997, 1, 12, 12, 0, 0, TimeSpan.FromHours(-5)), first.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(-4), data.Events[1].OccurredAt.Offset);
        Assert.Equal(1_235, data.Events[1].AmountMinor);
        Assert.Equal(1, data.Skipped[CdnowReader.ZeroAmount]);
    }

    [Fact]
    public void The_real_log_has_the_documented_shape()
    {
        var data = CdnowReader.Read(SharedData.File("CDNOW_master.txt"));

        Assert.Equal(80, data.Skipped[CdnowReader.ZeroAmount]);
        Assert.Equal(69_659 - 80, data.Events.Count);
        // 23,570 customers, 68 of whom have only zero-amount rows.
        Assert.Equal(23_502, data.Events.Select(e => e.MemberId).Distinct().Count());
        Assert.Equal(data.Events.Count, data.Events.Select(e => e.EventId).Distinct().Count());
    }
}
