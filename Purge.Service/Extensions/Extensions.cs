using Kite.Data.Flows;
using Kite.Data.Logs;
using Kite.Data.Purges;
using Kite.Data.Storage;
using Kite.Messaging;
using Kite.Purge.Housekeeping;
using Kite.Purge.Jobs;
using Kite.Purge.Requests;
using Kite.Purge.Retention;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kite.Purge.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddKiteDatabase();
        var section = builder.Configuration.GetSection("Kite:Purge");
        builder.Services.Configure<PurgeOptions>(section);
        var options = section.Get<PurgeOptions>() ?? new PurgeOptions();
        // Purge task runs and Api purges share the purge queue, so one limit bounds what this instance deletes at once.
        builder.AddKiteBus(bus =>
        {
            bus.AddConsumer<PurgeJobConsumer>().Endpoint(e => OnPurgeQueue(e, options));
            bus.AddConsumer<PurgeRequestedConsumer>().Endpoint(e => OnPurgeQueue(e, options));
        });
        builder.AddQueueDepths(Queues.Purge);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FlowCache>();
        builder.Services.AddSingleton<LogWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LogWriter>());
        builder.Services.AddSingleton(sp => new ExecutionPurger(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IInternalStorage>(), sp.GetRequiredService<ILogger<ExecutionPurger>>())
        {
            FileParallelism = sp.GetRequiredService<IOptions<PurgeOptions>>().Value.FileParallelism,
        });
        builder.Services.AddSingleton<LogPurger>();
        builder.AddPacing();
        builder.AddSchedules();
    }

    private static void OnPurgeQueue(IEndpointRegistrationConfigurator endpoint, PurgeOptions options)
    {
        endpoint.Name = Queues.Purge;
        endpoint.ConcurrentMessageLimit = options.Concurrency;
        endpoint.PrefetchCount = options.Concurrency;
    }
}
