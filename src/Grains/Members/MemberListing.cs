using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Grains.Members;

/// <summary>
/// Keeps one member's entry in the <see cref="IMemberDirectory"/> current: after a stored turn it lists the member
/// when a listed field changed, and on the activation's first turn whatever changed, so a turn stored just before a
/// crash is listed when its events are delivered again (as duplicates). Costs nothing when nothing listed changed.
/// </summary>
internal sealed class MemberListing(IMemberDirectory directory, string programId, string memberId)
{
    private MemberSummary? listed; // what this activation last listed; null: not yet
    private DateTimeOffset? newestEvent;

    /// <summary>The member applied these events, now or before (duplicates count: they may not have been listed).</summary>
    public void Saw(IEnumerable<DateTimeOffset> occurredAt)
    {
        foreach (var at in occurredAt)
        {
            var utc = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
            newestEvent = newestEvent is { } newest && newest >= utc ? newest : utc;
        }
    }

    /// <summary>Lists the stored <paramref name="account"/> if what the listing shows of it changed.</summary>
    public async Task Publish(MemberAccount account, ProgramConfig config)
    {
        // The tier as the member's view names it: none held yet, or one no longer configured, is the lowest.
        var tier = config.Tiers.Count > 0 ? config.Tiers[account.Tier.IndexOf(config.Tiers)].Name : account.Tier.Current;
        if (listed is { } before && before.Tier == tier && before.Available == account.Points.Available && before.LastEventAt == newestEvent)
        {
            return;
        }

        var summary = new MemberSummary(memberId, tier, account.Points.Available, newestEvent, account.Version);
        await directory.Upsert(programId, summary);
        listed = summary;
    }

    /// <summary>Takes the member out of the directory (erasure); listed again only as a new member, after a new event.</summary>
    public async Task Forget()
    {
        await directory.Remove(programId, memberId);
        (listed, newestEvent) = (null, null);
    }
}
