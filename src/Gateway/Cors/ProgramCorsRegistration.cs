using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Loyalty.Gateway.Cors;

public static class ProgramCorsRegistration
{
    /// <summary>ASP.NET Core's CORS services, with each program's own policy (<see cref="ProgramCorsPolicyProvider"/>).</summary>
    public static IServiceCollection AddProgramCors(this IServiceCollection services)
    {
        services.AddCors();
        services.Replace(ServiceDescriptor.Singleton<ICorsPolicyProvider, ProgramCorsPolicyProvider>());
        return services;
    }
}
