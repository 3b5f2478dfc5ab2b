using System.Net;
using System.Text;

namespace Loyalty.Replay.Sending;

/// <summary>Before a replay: wait until the gateway is ready, and make sure the target program exists.</summary>
public static class GatewayPreparation
{
    /// <summary>The name of the replay's client in <see cref="IHttpClientFactory"/>.</summary>
    public const string GatewayClient = "gateway";

    public static async Task WaitUntilReady(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("health/ready", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"The gateway at {http.BaseAddress} was not ready within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Creates the program with <paramref name="configurationJson"/> when it does not exist yet.</summary>
    public static async Task EnsureProgram(HttpClient http, string programId, string configurationJson, CancellationToken cancellationToken = default)
    {
        var path = $"v1/programs/{Uri.EscapeDataString(programId)}";
        using var existing = await http.GetAsync(path, cancellationToken);
        if (existing.StatusCode != HttpStatusCode.NotFound)
        {
            existing.EnsureSuccessStatusCode();
            return;
        }

        using var created = await http.PutAsync(path, new StringContent(configurationJson, Encoding.UTF8, "application/json"), cancellationToken);
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"Creating program {programId} failed: HTTP {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>The program CDNOW is replayed into by default: US dollars, New York time.</summary>
    public const string CdnowProgramJson = """
        {"name":"CDNOW","timeZone":"America/New_York","currency":"USD","minorUnitsPerUnit":100,"pointsPerUnit":1,
         "returnWindowDays":30,"streakUnit":"week",
         "tiers":[{"name":"member","qualifyingSpendMinor":0},{"name":"silver","qualifyingSpendMinor":100000},
                  {"name":"gold","qualifyingSpendMinor":500000}]}
        """;
}
