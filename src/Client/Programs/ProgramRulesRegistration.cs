using Loyalty.Client.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Loyalty.Client.Programs;

public static class ProgramRulesRegistration
{
    /// <summary>The process's one <see cref="ProgramRulesCache"/>, with its section of the tree; a second call keeps the first.</summary>
    public static IServiceCollection AddProgramRulesCache(this IServiceCollection services)
    {
        services.AddLoyaltyOptions<ProgramRulesOptions>();
        services.TryAddSingleton<ProgramRulesCache>();
        return services;
    }
}
