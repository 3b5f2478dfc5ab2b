using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Loyalty.Client.Hosting;

public static class LoyaltyOptionsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from its section and checks it when the host starts: a bad value refuses start
    /// with a message naming the setting, never a silent default. Binding twice (a gateway co-hosting a silo) is harmless.
    /// </summary>
    public static OptionsBuilder<T> AddLoyaltyOptions<T>(this IServiceCollection services)
        where T : class, ILoyaltyOptions
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, LoyaltyOptionsValidator<T>>());
        return services.AddOptions<T>().BindConfiguration(T.Section).ValidateOnStart();
    }
}
