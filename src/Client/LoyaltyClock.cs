using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Loyalty.Client;

/// <summary>
/// The clock the product's rules read, registered under its own key beside Orleans' <see cref="TimeProvider"/>: by
/// default the same, but a test can move the product to another date without moving the cluster's own timing.
/// </summary>
public static class LoyaltyClock
{
    public const string Key = "loyalty-clock";

    /// <summary>Registers <paramref name="clock"/> (the system clock when null) as the product's clock, unless one is registered.</summary>
    public static IServiceCollection AddLoyaltyClock(this IServiceCollection services, TimeProvider? clock = null)
    {
        services.TryAddKeyedSingleton(Key, clock ?? TimeProvider.System);
        return services;
    }
}
