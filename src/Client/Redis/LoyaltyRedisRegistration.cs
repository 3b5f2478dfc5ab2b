using Loyalty.Client.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Loyalty.Client.Redis;

public static class LoyaltyRedisRegistration
{
    /// <summary>Registers the process's one <see cref="LoyaltyRedis"/>; a second call keeps the first.</summary>
    public static IServiceCollection AddLoyaltyRedis(this IServiceCollection services, LoyaltyHostingOptions hosting)
    {
        services.TryAddSingleton(_ => new LoyaltyRedis(hosting.Redis, hosting.RedisCallTimeout));
        return services;
    }
}
