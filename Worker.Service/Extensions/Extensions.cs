using Kite.Core.Expressions;
using Kite.Data.Flows;
using Kite.Data.Logs;
using Kite.Data.Metrics;
using Kite.Messaging;
using Kite.ServiceDefaults.Secrets;
using Kite.Worker.Http;
using Kite.Worker.Jobs;
using Kite.Worker.Runners;
using Kite.Worker.Transform;

namespace Kite.Worker.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddKiteDatabase();
        var options = builder.Configuration.GetSection("Kite:Worker").Get<WorkerOptions>() ?? new WorkerOptions();
        builder.Services.Configure<WorkerOptions>(builder.Configuration.GetSection("Kite:Worker"));
        builder.AddKiteBus(bus =>
        {
            bus.AddConsumer<WorkerJobConsumer>().Endpoint(e =>
            {
                e.Name = Queues.Worker;
                e.ConcurrentMessageLimit = options.Concurrency;
                e.PrefetchCount = options.Concurrency;
            });
            // A sleeping task holds a message and a timer, not a thread: its own queue with a far larger limit.
            bus.AddConsumer<WaitingJobConsumer>().Endpoint(e =>
            {
                e.Name = Queues.WorkerWaits;
                e.ConcurrentMessageLimit = options.WaitConcurrency;
                e.PrefetchCount = options.WaitConcurrency;
            });
            // A temporary queue per worker process: every worker hears every kill.
            bus.AddConsumer<ExecutionKilledConsumer>().Endpoint(e =>
            {
                e.InstanceId = Guid.NewGuid().ToString("N");
                e.Temporary = true;
            });
        });
        builder.AddQueueDepths(Queues.Worker, Queues.WorkerWaits);
        builder.Services.AddSingleton<KilledExecutions>();
        builder.Services.AddSecrets();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FlowCache>();
        builder.AddLogsWrittenAnnouncements();
        builder.Services.AddSingleton<LogWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LogWriter>());
        builder.Services.AddSingleton<MetricWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MetricWriter>());
        builder.Services.AddSingleton<TaskRunners>();
        builder.Services.AddSingleton<JsonataEngines>();
        builder.AddHttpTaskClients();
        foreach (var runner in typeof(ITaskRunner).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsClass: true } && t.IsAssignableTo(typeof(ITaskRunner))))
        {
            builder.Services.AddSingleton(typeof(ITaskRunner), runner);
        }
    }
}
