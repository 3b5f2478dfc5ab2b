using System.ComponentModel.DataAnnotations;
using Loyalty.Client.Hosting;

namespace Loyalty.Gateway.Security;

/// <summary>Keys and member tokens (section <c>Loyalty:Security</c>).</summary>
public sealed class SecurityOptions : ILoyaltyOptions
{
    public static string Section => "Loyalty:Security";

    /// <summary>
    /// The operator key: every right on every program, and the only key that creates programs. Required in the Redis
    /// profile; the embedded profile makes one when none is given, prints it once and keeps it in
    /// <see cref="OperatorKeyFile"/>.
    /// </summary>
    [MinLength(Loyalty.Gateway.Security.OperatorKey.MinLength)]
    public string? OperatorKey { get; set; }

    /// <summary>Where the embedded profile keeps the operator key it made; relative to the gateway's folder.</summary>
    [Required]
    public string OperatorKeyFile { get; set; } = "data/operator.key";

    /// <summary>How long a gateway trusts its copy of a program's keys: a revoked key works at most this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:01")]
    public TimeSpan KeyCacheAge { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often a gateway stores when keys were last used.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan KeyUseFlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a member token issued by the gateway lasts.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MemberTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a browser signed in with <c>POST /v1/session</c> stays signed in.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
