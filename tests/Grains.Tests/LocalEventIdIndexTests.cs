using Loyalty.Grains.Ingestion;
using Loyalty.Client.Ingestion;
using Microsoft.Extensions.Time.Testing;

namespace Loyalty.Grains.Tests;

public sealed class LocalEventIdIndexTests
{
    private const ulong A = 1;
    private const ulong B = 2;
    private static readonly TimeSpan Window = TimeSpan.FromHours(8);

    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-12-02T10:00:00Z"));

    [Fact]
    public async Task An_event_is_a_duplicate_only_once_it_is_stored()
    {
        var index = new LocalEventIdIndex(Window, time: clock);
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
        var index = new LocalEventIdIndex(Window, time: clock);
        await index.Claim("p", [A], "attempt-1");
        await index.Release("p", [A], "attempt-2");
        Assert.Equal([EventIdClaim.InDoubt], await index.Claim("p", [A], "attempt-3"));
    }

    [Fact]
    public async Task The_index_reports_only_stored_ids_and_claims_nothing()
    {
        var index = new LocalEventIdIndex(Window, time: clock);
        await index.Claim("p", [A, B], "attempt-1");
        await index.Confirm("p", [A]);

        Assert.Equal(new[] { true, false, false }, await index.AreStored("p", [A, B, 3]));
        Assert.Equal([EventIdClaim.Fresh], await index.Claim("p", [3], "attempt-2"));
    }

    [Fact]
    public async Task Ids_are_stored_for_the_window_and_forgotten_within_one_bucket_after()
    {
        var index = new LocalEventIdIndex(Window, time: clock);
        await index.Confirm("p", [A]);

        clock.Advance(Window - TimeSpan.FromSeconds(1));
        Assert.Equal(new[] { true }, await index.AreStored("p", [A]));
        clock.Advance(Window / EventIdBuckets.PerWindow + TimeSpan.FromSeconds(1));
        Assert.Equal(new[] { false }, await index.AreStored("p", [A]));
    }

    [Fact]
    public async Task Beyond_its_capacity_the_oldest_bucket_is_forgotten()
    {
        var index = new LocalEventIdIndex(Window, capacity: 2, time: clock);
        await index.Confirm("p", [A, B]);
        clock.Advance(Window / EventIdBuckets.PerWindow);
        await index.Confirm("p", [3]);

        Assert.Equal(new[] { false, false, true }, await index.AreStored("p", [A, B, 3]));
    }
}
