namespace Loyalty.Domain.Tests;

/// <summary>Configurations and events for the rule-book tests.</summary>
public static class TestPrograms
{
    public static readonly ProgramConfig Basic = new()
    {
        Name = "test",
        TimeZone = "UTC",
        Currency = "GBP",
        ReturnWindowDays = 30,
        Tiers =
        [
            new TierDefinition("member", 0),
            new TierDefinition("silver", 100_000),
            new TierDefinition("gold", 500_000),
        ],
    };

    public static readonly ProgramConfig Rome = Basic with { TimeZone = "Europe/Rome" };

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static Purchase Buy(string id, long amountMinor, string at, string member = "m", string? channel = null, params PurchaseLine[] lines) =>
        new(id, member, At(at), amountMinor, "GBP", lines, channel);

    public static Return Refund(string id, long amountMinor, string at, string? original = null, string member = "m") =>
        new(id, member, At(at), amountMinor, "GBP", original);

    public static long Sum(this MemberAccount account, PointsBalance balance) =>
        account.WholeLedger.Where(e => e.Balance == balance).Sum(e => e.Points);
}
