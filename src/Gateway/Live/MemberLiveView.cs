using System.Text.Json;
using Loyalty.Grains.Interfaces.Leaderboards;
using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Gateway.Live;

/// <summary>
/// What a member's live feed reads: the member view every poll, and the rank when the view changed or a second
/// has passed (others' scores move it too). One per feed, so the remembered state is the feed's own.
/// </summary>
public sealed class MemberLiveView(
    IMemberGrain member, ILeaderboardGrain board, string memberId, int around, TimeProvider clock, JsonSerializerOptions json)
{
    private string? lastView;
    private MemberStanding? standing;
    private DateTimeOffset standingReadAt = DateTimeOffset.MinValue;

    public async Task<LiveMessage?> Read(CancellationToken cancellationToken)
    {
        var view = await member.GetSnapshot();
        if (view is null)
        {
            return new LiveMessage("missing", JsonSerializer.Serialize(new { memberId }, json));
        }

        // Compared as JSON: the snapshot's arrays compare by reference.
        var viewJson = JsonSerializer.Serialize(view, json);
        var now = clock.GetUtcNow();
        if (viewJson != lastView || now - standingReadAt >= LiveEndpoints.StandingRefresh)
        {
            standing = await board.Standing(memberId, around);
            standingReadAt = now;
            lastView = viewJson;
        }

        return new LiveMessage("member", JsonSerializer.Serialize(new MemberLiveMessage(view, standing), json));
    }
}

public sealed record MemberLiveMessage(MemberSnapshot Member, MemberStanding? Standing);
