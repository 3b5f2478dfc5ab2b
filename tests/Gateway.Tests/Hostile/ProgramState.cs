using System.Net;

namespace Loyalty.Gateway.Tests.Hostile;

/// <summary>
/// What a hostile request to a program could have written, read back: its configuration and version, the corpus
/// member, the boards, the catalogue, the challenges, the dead letters and the keys.
/// </summary>
public static class ProgramState
{
    private static readonly string[] Reads =
    [
        "", "members/victim", "members/victim/redemptions/r-1", "leaderboards/points", "leaderboards/spend", "leaderboards/purchases",
        "rewards", "rewards/mug", "challenges", "challenges/march", "dead-letters", "keys",
    ];

    public static async Task<IReadOnlyDictionary<string, string>> Read(HttpClient client, string program)
    {
        var state = new Dictionary<string, string>();
        foreach (var read in Reads)
        {
            using var response = await client.GetAsync($"/v1/programs/{program}/{read}", TestContext.Current.CancellationToken);
            var body = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken) : "";
            state[read] = $"{(int)response.StatusCode} {response.Headers.ETag} {body}";
        }

        return state;
    }
}
