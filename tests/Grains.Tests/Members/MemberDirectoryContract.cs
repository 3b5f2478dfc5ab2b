using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Members;

namespace Loyalty.Grains.Tests.Members;

/// <summary>
/// What every member directory does, whatever stores it: the embedded store runs these here, the Redis store
/// against a real redis-server in the cluster tests (which link this file).
/// </summary>
public abstract class MemberDirectoryContract
{
    private static readonly DateTimeOffset Monday = DateTimeOffset.Parse("2026-03-02T09:15:30.123Z");

    protected abstract Task<IMemberDirectory> Directory();

    private static MemberSummary Member(string id, string tier = "member", long available = 10, long version = 1, DateTimeOffset? lastEventAt = null) =>
        new(id, tier, available, lastEventAt ?? Monday, version);

    private static MemberListQuery Query(int limit = 100, string? after = null, string? tier = null, string? prefix = null) => new(after, limit, tier, prefix);

    private static async Task<List<string>> AllPages(IMemberDirectory directory, MemberListQuery query)
    {
        var ids = new List<string>();
        for (var page = await directory.Page("p", query); ; page = await directory.Page("p", query with { After = page.Last }))
        {
            Assert.True(page.Items.Length <= query.Limit);
            ids.AddRange(page.Items.Select(m => m.MemberId));
            if (page.Last is null)
            {
                return ids;
            }
        }
    }

    [Fact]
    public async Task Pages_go_in_order_of_member_id_and_only_the_last_has_no_next()
    {
        var directory = await Directory();
        string[] ids = ["bo", "Ada", "a-1", "cy", "a.2", "9z", "ada", "b"];
        foreach (var id in ids)
        {
            await directory.Upsert("p", Member(id));
        }

        await directory.Upsert("other", Member("zed"));

        var first = await directory.Page("p", Query(limit: 3));
        Assert.Equal(["9z", "Ada", "a-1"], first.Items.Select(m => m.MemberId));
        Assert.Equal("a-1", first.Last);
        Assert.Equal(ids.Order(StringComparer.Ordinal), await AllPages(directory, Query(limit: 3)));
        Assert.Equal(ids.Order(StringComparer.Ordinal), await AllPages(directory, Query(limit: 8)));
        Assert.Null((await directory.Page("p", Query(limit: 8))).Last);
        Assert.Equal(new MemberSummary("cy", "member", 10, Monday, 1), (await directory.Page("p", Query(after: "bo"))).Items.Last());
        Assert.Empty((await directory.Page("p", Query(after: "cy"))).Items);
        Assert.Empty((await directory.Page("nobody", Query())).Items);
    }

    [Fact]
    public async Task Tier_and_prefix_narrow_the_pages_and_a_new_tier_moves_the_member()
    {
        var directory = await Directory();
        await directory.Upsert("p", Member("ann", "gold"));
        await directory.Upsert("p", Member("anna", "silver"));
        await directory.Upsert("p", Member("annie", "gold"));
        await directory.Upsert("p", Member("anz", "gold"));
        await directory.Upsert("p", Member("bob", "gold"));
        await directory.Upsert("p", Member("an", "member"));

        Assert.Equal(["ann", "annie", "anz", "bob"], await AllPages(directory, Query(limit: 1, tier: "gold")));
        Assert.Equal(["ann", "anna", "annie"], await AllPages(directory, Query(limit: 2, prefix: "ann")));
        Assert.Equal(["ann", "annie"], await AllPages(directory, Query(limit: 1, tier: "gold", prefix: "ann")));
        Assert.Equal(["annie"], await AllPages(directory, Query(tier: "gold", prefix: "ann", after: "ann")));
        Assert.Equal(["ann", "annie", "anz", "bob"], await AllPages(directory, Query(tier: "gold", after: "an")));
        Assert.Empty(await AllPages(directory, Query(tier: "platinum")));
        Assert.Empty(await AllPages(directory, Query(prefix: "anx")));

        await directory.Upsert("p", Member("anna", "gold", version: 2));

        Assert.Equal(["ann", "anna", "annie"], await AllPages(directory, Query(tier: "gold", prefix: "ann")));
        Assert.Empty(await AllPages(directory, Query(tier: "silver")));
    }

    [Fact]
    public async Task An_older_version_never_overwrites_a_newer_one_and_the_last_event_only_moves_later()
    {
        var directory = await Directory();
        var later = Monday.AddDays(3);
        await directory.Upsert("p", Member("ada", "silver", available: 300, version: 7, lastEventAt: Monday));

        // A stale activation lists an older version that saw a later event: the fields stay, the event time moves.
        await directory.Upsert("p", Member("ada", "member", available: 100, version: 5, lastEventAt: later));
        Assert.Equal(new MemberSummary("ada", "silver", 300, later, 7), Assert.Single((await directory.Page("p", Query())).Items));

        // Listed again after a redelivery, with the same version and no event seen since activation.
        await directory.Upsert("p", new MemberSummary("ada", "silver", 300, null, 7));
        Assert.Equal(new MemberSummary("ada", "silver", 300, later, 7), Assert.Single((await directory.Page("p", Query())).Items));

        await directory.Upsert("p", Member("ada", "member", available: -20, version: 8, lastEventAt: Monday));
        Assert.Equal(new MemberSummary("ada", "member", -20, later, 8), Assert.Single((await directory.Page("p", Query(tier: "member"))).Items));
        Assert.Empty((await directory.Page("p", Query(tier: "silver"))).Items);

        await directory.Upsert("p", new MemberSummary("new", "member", 0, null, 1));
        Assert.Null((await directory.Page("p", Query(prefix: "new"))).Items.Single().LastEventAt);
    }

    [Fact]
    public async Task A_removed_member_is_gone_from_every_list_and_removing_an_unknown_one_is_harmless()
    {
        var directory = await Directory();
        await directory.Upsert("p", Member("ada", "gold"));
        await directory.Upsert("p", Member("bo", "gold"));

        await directory.Remove("p", "ada");
        await directory.Remove("p", "never-listed");
        await directory.Remove("no-such-program", "ada");

        Assert.Equal(["bo"], await AllPages(directory, Query()));
        Assert.Equal(["bo"], await AllPages(directory, Query(tier: "gold")));
        Assert.Empty(await AllPages(directory, Query(prefix: "ada")));

        await directory.Upsert("p", Member("ada", "member", version: 9));
        Assert.Equal(["ada"], await AllPages(directory, Query(tier: "member")));
    }
}

/// <summary>The embedded profile's directory.</summary>
public sealed class InProcessMemberDirectoryTests : MemberDirectoryContract
{
    protected override Task<IMemberDirectory> Directory() => Task.FromResult<IMemberDirectory>(new InProcessMemberDirectory());
}
