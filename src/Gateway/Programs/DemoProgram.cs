using Loyalty.Grains.Interfaces.Programs;

namespace Loyalty.Gateway.Programs;

/// <summary>
/// Configures the program "demo" when it does not exist yet, so a fresh start has a working program:
/// 1 point per 1.00 GBP, 30-day return window, no expiry, UTC, tiers member / silver 1,000.00 / gold 5,000.00.
/// Monthly boards are kept for a century, so replayed historical logs show their months; days and weeks keep the
/// default retention.
/// </summary>
public sealed class DemoProgram(IClusterClient cluster, ILogger<DemoProgram> logger) : IHostedService
{
    public const string ProgramId = "demo";

    public const string ConfigurationJson = """
        {
          "name": "Demo store",
          "timeZone": "UTC",
          "currency": "GBP",
          "minorUnitsPerUnit": 100,
          "pointsPerUnit": 1,
          "returnWindowDays": 30,
          "streakUnit": "week",
          "leaderboardRetention": { "days": 35, "weeks": 13, "months": 1200 },
          "tiers": [
            { "name": "member", "qualifyingSpendMinor": 0 },
            { "name": "silver", "qualifyingSpendMinor": 100000 },
            { "name": "gold", "qualifyingSpendMinor": 500000 }
          ]
        }
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var grain = cluster.GetGrain<IProgramGrain>(ProgramId);
        if (await grain.GetConfiguration() is not null)
        {
            return;
        }

        var result = await grain.Configure(ConfigurationJson, expectedVersion: 0);
        if (result.Status == ConfigureStatus.Invalid)
        {
            throw new InvalidOperationException(
                "The demo configuration is invalid: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        logger.LogInformation("Configured program {ProgramId}", ProgramId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
