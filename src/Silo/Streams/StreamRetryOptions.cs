using System.ComponentModel.DataAnnotations;
using Loyalty.Client.Hosting;

namespace Loyalty.Silo.Streams;

/// <summary>
/// How member-event stream agents retry (section <c>Loyalty:StreamRetries</c>). Orleans' defaults grow to 30 s for
/// deliveries and 20 s for queue reads, so a delivery that failed once against a silo just killed could wait long
/// after its grains were served elsewhere; capped waits keep failover inside its bound.
/// </summary>
public sealed class StreamRetryOptions : ILoyaltyOptions, IValidatableObject
{
    public static string Section => "Loyalty:StreamRetries";

    /// <summary>The wait after a first failed delivery; it doubles up to <see cref="DeliveryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan DeliveryFirstDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00")]
    public TimeSpan DeliveryMaxDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after a first failed queue read; it doubles up to <see cref="QueueReadMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan QueueReadFirstDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00")]
    public TimeSpan QueueReadMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a failing delivery (Redis or a silo away) is retried before Orleans gives up on the batch: long
    /// enough to ride out outages, since a batch given up is not acknowledged and must wait to be claimed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromMinutes(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => [
        .. SettingOrder.AtLeast(Section, (nameof(DeliveryMaxDelay), DeliveryMaxDelay), (nameof(DeliveryFirstDelay), DeliveryFirstDelay)),
        .. SettingOrder.AtLeast(Section, (nameof(QueueReadMaxDelay), QueueReadMaxDelay), (nameof(QueueReadFirstDelay), QueueReadFirstDelay)),
    ];
}
