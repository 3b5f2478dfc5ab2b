using System.ComponentModel.DataAnnotations;
using Loyalty.Client.Hosting;

namespace Loyalty.Gateway.Live;

/// <summary>Server-Sent Events feeds (section <c>Loyalty:Live</c>): how fresh they are and what they cost the cluster.</summary>
public sealed class LiveOptions : ILoyaltyOptions
{
    public static string Section => "Loyalty:Live";

    /// <summary>The least time between two messages of one connection; changes meanwhile are coalesced into the newest.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan MinSpacing { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a board's shared poller reads the board's top.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan BoardPollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a member's shared poller reads the member: members are many, so less often than boards.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan MemberPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A member's rank is read on every poll for this long after the member changed (the board takes the new score a
    /// moment later), and otherwise once per this time (others' scores move it too).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan StandingRefresh { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Silence after which a keep-alive event is sent, so proxies keep the connection open.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(15);
}
