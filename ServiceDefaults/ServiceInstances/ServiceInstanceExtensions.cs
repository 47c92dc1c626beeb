using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Kite.ServiceDefaults.ServiceInstances;

internal static class ServiceInstanceExtensions
{
    public static IServiceCollection AddServiceInstance(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var serviceType = configuration["OTEL_SERVICE_NAME"] ?? environment.ApplicationName;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(ServiceInstanceIdentity.Create(serviceType));
        services.Configure<ServiceInstanceOptions>(configuration.GetSection("Kite:ServiceInstance"));
        services.AddHostedService<ServiceInstanceHeartbeat>();
        return services;
    }
}
