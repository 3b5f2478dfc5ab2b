using Loyalty.Domain;

namespace Loyalty.Domain.Tests;

public sealed class RecentSetTests
{
    [Fact]
    public void Each_key_is_held_once_in_the_order_added_and_the_given_list_is_the_stored_form()
    {
        var stored = new List<(string Id, int At)> { ("a", 1) };
        var set = new RecentSet<string, (string Id, int At)>(stored, item => item.Id);

        Assert.True(set.Add(("b", 2)));
        Assert.False(set.Add(("a", 3)));
        Assert.True(set.Contains("a"));
        Assert.False(set.Contains("c"));
        Assert.Equal([("a", 1), ("b", 2)], stored);
    }

    [Fact]
    public void The_oldest_are_dropped_beyond_the_capacity_and_while_stale_and_their_keys_are_forgotten()
    {
        var set = new RecentSet<string, (string Id, int At)>([], item => item.Id);
        foreach (var i in Enumerable.Range(1, 6))
        {
            set.Add(($"e{i}", i));
        }

        Assert.Equal(2, set.DropOldest(capacity: 4));
        Assert.Equal(["e3", "e4", "e5", "e6"], set.Items.Select(item => item.Id));
        Assert.Equal(2, set.DropOldest(capacity: 10, stale: item => item.At < 5));
        Assert.Equal(["e5", "e6"], set.Items.Select(item => item.Id));
        Assert.False(set.Contains("e1"));
        Assert.True(set.Add(("e1", 7))); // a forgotten key may come again
    }

    [Fact]
    public void Staleness_stops_at_the_first_item_that_is_not_stale()
    {
        var set = new RecentSet<int, int>([1, 5, 2], item => item);

        Assert.Equal(1, set.DropOldest(capacity: 10, stale: item => item < 3));
        Assert.Equal([5, 2], set.Items);
    }
}
