using System.Text.Json;
using Loyalty.Gateway.Leaderboards;
using Loyalty.Gateway.Members;
using Loyalty.Grains.Interfaces.Leaderboards;
using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Gateway.Live;

/// <summary>
/// What a member's live feed reads: the member view every poll, and the rank on every poll for
/// <paramref name="standingRefresh"/> after the view changed, otherwise once per that time. One per feed, so the
/// remembered state is the feed's own.
/// </summary>
public sealed class MemberLiveView(
    IMemberGrain member, ILeaderboardGrain board, string memberId, int around, TimeSpan standingRefresh, TimeProvider clock, JsonSerializerOptions json)
{
    private string? lastView;
    private StandingResponse? standing;
    private DateTimeOffset standingReadAt = DateTimeOffset.MinValue;
    private DateTimeOffset viewChangedAt = DateTimeOffset.MinValue;

    public async Task<LiveMessage?> Read(CancellationToken cancellationToken)
    {
        var view = await member.GetSnapshot();
        if (view is null)
        {
            return new LiveMessage("missing", JsonSerializer.Serialize(new { memberId }, json));
        }

        var response = MemberResponse.From(view);

        // Compared as JSON: the view's lists compare by reference.
        var viewJson = JsonSerializer.Serialize(response, json);
        var now = clock.GetUtcNow();
        if (viewJson != lastView)
        {
            lastView = viewJson;
            viewChangedAt = now;
        }

        // The board takes the member's new score a moment after the member has it: for a while after a change the
        // rank is read on every poll, then once in that while (others' scores move it too).
        if (now - viewChangedAt < standingRefresh || now - standingReadAt >= standingRefresh)
        {
            standing = await board.Standing(memberId, around) is { } read ? StandingResponse.From(read) : null;
            standingReadAt = now;
        }

        return new LiveMessage("member", JsonSerializer.Serialize(new MemberLiveMessage(response, standing), json));
    }
}

public sealed record MemberLiveMessage(MemberResponse Member, StandingResponse? Standing);
