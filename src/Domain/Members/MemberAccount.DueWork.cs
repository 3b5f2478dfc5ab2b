namespace Loyalty.Domain;

/// <summary>When time alone next changes this member, so it can be woken then instead of being watched.</summary>
public sealed partial class MemberAccount
{
    /// <summary>
    /// The earliest of: a pending lot maturing, available points expiring, their "expiring soon" notice, the next
    /// birthday bonus. Null when nothing is due; whatever is due is also applied whenever the member is touched.
    /// </summary>
    public DateTimeOffset? NextDueAt(ProgramConfig config, DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var lot in PendingLots)
        {
            next = Earliest(next, lot.MaturesAt);
        }

        next = Earliest(next, AvailableLots.NextExpiry);
        next = Earliest(next, NextExpiryNoticeAt(config));
        return Earliest(next, NextBirthdayBonusAt(config, now));
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
