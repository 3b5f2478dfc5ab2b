using Loyalty.Grains.Ingestion;

namespace Loyalty.Grains.Tests;

public sealed class LocalEventIdIndexTests
{
    private const string A = "e1";
    private const string B = "e2";

    [Fact]
    public async Task An_event_is_a_duplicate_only_once_it_is_stored()
    {
        var index = new LocalEventIdIndex();
        Assert.Equal([EventIdClaim.Fresh, EventIdClaim.Fresh], await index.Claim("p", [A, B], "attempt-1"));

        // While the first attempt publishes, a concurrent resend cannot know the outcome.
        Assert.Equal([EventIdClaim.InDoubt], await index.Claim("p", [A], "attempt-2"));

        await index.Confirm("p", [A]);
        await index.Release("p", [B], "attempt-1");
        Assert.Equal([EventIdClaim.Stored, EventIdClaim.Fresh], await index.Claim("p", [A, B], "attempt-3"));
        Assert.Equal([EventIdClaim.Fresh], await index.Claim("other-program", [A], "attempt-4"));
    }

    [Fact]
    public async Task A_release_by_another_attempt_leaves_the_claim_alone()
    {
        var index = new LocalEventIdIndex();
        await index.Claim("p", [A], "attempt-1");
        await index.Release("p", [A], "attempt-2");
        Assert.Equal([EventIdClaim.InDoubt], await index.Claim("p", [A], "attempt-3"));
    }

    [Fact]
    public async Task Beyond_its_capacity_the_oldest_stored_ids_are_forgotten()
    {
        var index = new LocalEventIdIndex(capacity: 2);
        var keys = Enumerable.Range(0, 3).Select(i => $"e{i}").ToList();
        await index.Claim("p", keys, "attempt-1");
        await index.Confirm("p", keys);

        Assert.Equal([EventIdClaim.Fresh, EventIdClaim.Stored, EventIdClaim.Stored], await index.Claim("p", keys, "attempt-2"));
    }
}
