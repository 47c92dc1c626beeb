using Kite.Api.Routing;
using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Api.Live;

public static class LiveUpdatesExtensions
{
    /// <summary>
    /// The replica's own temporary queue (its name carries a per-process instance id, and it is deleted when the
    /// replica stops), bound to the events exchange: every replica hears every change once, whatever the number of tabs.
    /// </summary>
    public static void AddLiveUpdates(this IBusRegistrationConfigurator bus)
    {
        var instance = Guid.NewGuid().ToString("N")[..12];
        bus.AddConsumer<ExecutionChangedConsumer>().Endpoint(e =>
        {
            e.InstanceId = instance;
            e.Temporary = true;
        });
        bus.AddConsumer<LogsWrittenConsumer>().Endpoint(e =>
        {
            e.InstanceId = instance;
            e.Temporary = true;
        });
    }

    public static IServiceCollection AddLiveUpdates(this IServiceCollection services, ApiOptions options)
    {
        services.AddSingleton(new FanOut<ExecutionChanged>(options.LiveClientBuffer));
        services.AddSingleton(new FanOut<LogsWritten>(options.LiveClientBuffer));
        services.AddSingleton<ExecutionFollower>();
        return services;
    }
}
