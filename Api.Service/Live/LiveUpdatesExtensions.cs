using Kite.Api.Routing;
using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Api.Live;

public static class LiveUpdatesExtensions
{
    /// <summary>
    /// The consumers of the replica's live queue, which <see cref="LiveListener"/> connects while executions are
    /// followed here (a temporary queue bound to the events exchange: every replica hears every change once, whatever
    /// the number of tabs), and stops when nobody follows.
    /// </summary>
    public static void AddLiveUpdates(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ExecutionChangedConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<LogsWrittenConsumer>().ExcludeFromConfigureEndpoints();
    }

    public static IServiceCollection AddLiveUpdates(this IServiceCollection services, ApiOptions options)
    {
        services.AddSingleton(new FanOut<ExecutionChanged>(options.LiveClientBuffer));
        services.AddSingleton(new FanOut<LogsWritten>(options.LiveClientBuffer));
        services.AddSingleton<LiveListener>();
        services.AddSingleton<ExecutionFollower>();
        return services;
    }
}
