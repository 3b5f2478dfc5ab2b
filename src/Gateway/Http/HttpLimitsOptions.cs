using System.ComponentModel.DataAnnotations;
using Loyalty.Client.Hosting;

namespace Loyalty.Gateway.Http;

/// <summary>
/// Kestrel's limits on what a client may make the gateway hold (section <c>Loyalty:Http</c>): oversized headers,
/// bodies trickled in, idle and excess connections. Body sizes are part of the HTTP contract and stay in code.
/// </summary>
public sealed class HttpLimitsOptions : ILoyaltyOptions
{
    public static string Section => "Loyalty:Http";

    /// <summary>All request headers together, in bytes; beyond it Kestrel answers 431.</summary>
    [Range(4 * 1024, 1024 * 1024)]
    public int MaxRequestHeadersTotalSize { get; set; } = 32 * 1024;

    /// <summary>Headers one request may carry; beyond it Kestrel answers 431.</summary>
    [Range(10, 1_000)]
    public int MaxRequestHeaderCount { get; set; } = 100;

    /// <summary>The request line (method, path and query), in bytes; beyond it Kestrel answers 414.</summary>
    [Range(1024, 64 * 1024)]
    public int MaxRequestLineSize { get; set; } = 8 * 1024;

    /// <summary>How long a client may take to send its headers before Kestrel answers 408 and closes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an idle connection is kept open between requests.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(130);

    /// <summary>The slowest a body may arrive, in bytes a second, once the grace period is over; slower is answered 408 and closed.</summary>
    [Range(1, 1_000_000)]
    public double MinRequestBodyDataRate { get; set; } = 240;

    /// <summary>How long a body may arrive slower than <see cref="MinRequestBodyDataRate"/> before it is cut off; Kestrel asks for more than a second.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:05:00")]
    public TimeSpan MinRequestBodyDataRateGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Open connections a gateway keeps at once (SSE viewers hold one each); more are closed on arrival.</summary>
    [Range(1, 1_000_000)]
    public long MaxConcurrentConnections { get; set; } = 10_000;
}
