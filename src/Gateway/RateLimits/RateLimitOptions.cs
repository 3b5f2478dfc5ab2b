using System.ComponentModel.DataAnnotations;
using Loyalty.Client.Hosting;
using Loyalty.Gateway.Events;

namespace Loyalty.Gateway.RateLimits;

/// <summary>
/// Token buckets per credential (section <c>Loyalty:RateLimits</c>): each key and each member has its own, sized by its
/// role; the events route counts events, every other route requests. The operator is never limited. A program may
/// override any of these keys under <c>Programs:{programId}</c>.
/// </summary>
public sealed class RateLimitOptions : ILoyaltyOptions, IValidatableObject
{
    public static string Section => "Loyalty:RateLimits";

    /// <summary>Events a key may post per second, whatever its role (producers post them; admins may).</summary>
    [Range(1, 100_000_000)]
    public int EventsPerSecond { get; set; } = 20_000;

    /// <summary>Events a key may post at once after a quiet spell: at least one full batch, so every batch can pass.</summary>
    [Range(EventEndpoints.MaxEventsPerBatch, 100_000_000)]
    public int EventBurst { get; set; } = 40_000;

    [Range(1, 1_000_000)]
    public int AppRequestsPerSecond { get; set; } = 500;

    [Range(1, 1_000_000)]
    public int AppBurst { get; set; } = 1_000;

    [Range(1, 1_000_000)]
    public int AdminRequestsPerSecond { get; set; } = 50;

    [Range(1, 1_000_000)]
    public int AdminBurst { get; set; } = 100;

    /// <summary>Requests per second of one member, however many tokens it holds.</summary>
    [Range(1, 1_000_000)]
    public int MemberRequestsPerSecond { get; set; } = 20;

    [Range(1, 1_000_000)]
    public int MemberBurst { get; set; } = 40;

    /// <summary>Per program, the keys above it sets otherwise; the rest it takes from the section.</summary>
    public Dictionary<string, ProgramRateLimits> Programs { get; set; } = [];

    /// <summary>The rate of <paramref name="bucket"/> for a credential of <paramref name="programId"/>.</summary>
    public TokenRate RateOf(RateBucket bucket, string programId) => Of(programId).RateOf(bucket);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
    [
        .. CrossChecks(Section),
        .. Programs.SelectMany(program => Of(program.Key).Checked($"{Section}:Programs:{program.Key}")),
    ];

    private TokenRate RateOf(RateBucket bucket) => bucket switch
    {
        RateBucket.Events => new(EventsPerSecond, EventBurst),
        RateBucket.AppRequests => new(AppRequestsPerSecond, AppBurst),
        RateBucket.AdminRequests => new(AdminRequestsPerSecond, AdminBurst),
        _ => new(MemberRequestsPerSecond, MemberBurst),
    };

    /// <summary>The settings of one program: the section's, with the program's overrides over them.</summary>
    private RateLimitOptions Of(string programId) => Programs.GetValueOrDefault(programId) is not { } overrides ? this : new RateLimitOptions
    {
        EventsPerSecond = overrides.EventsPerSecond ?? EventsPerSecond,
        EventBurst = overrides.EventBurst ?? EventBurst,
        AppRequestsPerSecond = overrides.AppRequestsPerSecond ?? AppRequestsPerSecond,
        AppBurst = overrides.AppBurst ?? AppBurst,
        AdminRequestsPerSecond = overrides.AdminRequestsPerSecond ?? AdminRequestsPerSecond,
        AdminBurst = overrides.AdminBurst ?? AdminBurst,
        MemberRequestsPerSecond = overrides.MemberRequestsPerSecond ?? MemberRequestsPerSecond,
        MemberBurst = overrides.MemberBurst ?? MemberBurst,
    };

    /// <summary>A program's settings checked as the section's are, each failure naming the program's key.</summary>
    private IEnumerable<ValidationResult> Checked(string prefix) =>
        [.. SettingAttributes.Failures(this, prefix).Select(failure => new ValidationResult(failure)), .. CrossChecks(prefix)];

    /// <summary>A bucket smaller than a second's tokens would cap the rate below the one configured.</summary>
    private IEnumerable<ValidationResult> CrossChecks(string prefix) =>
    [
        .. SettingOrder.AtLeast(prefix, (nameof(EventBurst), EventBurst), (nameof(EventsPerSecond), EventsPerSecond)),
        .. SettingOrder.AtLeast(prefix, (nameof(AppBurst), AppBurst), (nameof(AppRequestsPerSecond), AppRequestsPerSecond)),
        .. SettingOrder.AtLeast(prefix, (nameof(AdminBurst), AdminBurst), (nameof(AdminRequestsPerSecond), AdminRequestsPerSecond)),
        .. SettingOrder.AtLeast(prefix, (nameof(MemberBurst), MemberBurst), (nameof(MemberRequestsPerSecond), MemberRequestsPerSecond)),
    ];
}
