namespace Loyalty.Domain.Tests;

public sealed class StableBucketTests
{
    [Fact]
    public void A_key_always_lands_in_the_same_bucket_and_keys_spread_over_all_buckets()
    {
        Assert.Equal(StableBucket.Of("12345", 8), StableBucket.Of("12345", 8));
        var counts = Enumerable.Range(0, 8_000).GroupBy(i => StableBucket.Of($"member-{i}", 8)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(8, counts.Count);
        Assert.All(counts.Values, count => Assert.InRange(count, 800, 1_200));
    }
}
