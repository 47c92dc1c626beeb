using Kite.Core.Expressions;
using Kite.Data.Flows;
using Kite.Executor.ConcurrencyLimits;
using Kite.Executor.Consumers;
using Kite.Executor.Outbox;
using Kite.Executor.Steps;
using Kite.Executor.Subflows;
using Kite.Executor.Timers;
using Kite.Messaging;
using Kite.Messaging.Contracts;
using Kite.ServiceDefaults.Secrets;
using MassTransit;

namespace Kite.Executor.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddKiteDatabase();
        // Before the bus, so that it stops after the bus's last step and deletes what that step sent.
        builder.Services.AddSingleton<SentOutboxRows>();
        builder.Services.AddHostedService<OutboxFlusher>();
        var options = builder.Configuration.GetSection("Kite:Executor").Get<ExecutorOptions>() ?? new ExecutorOptions();
        builder.Services.Configure<ExecutorOptions>(builder.Configuration.GetSection("Kite:Executor"));
        builder.AddKiteBus(bus =>
        {
            // Both consumers share the executor queue; in-process partitions serialise each execution's steps.
            var concurrency = Math.Max(Math.Max(1, options.Partitions) * 4, options.ResultBatchSize * 2);
            bus.AddConsumer<ExecutionCreatedConsumer>().Endpoint(e => { e.Name = Queues.Executor; e.ConcurrentMessageLimit = concurrency; e.PrefetchCount = concurrency; });
            bus.AddConsumer<KillExecutionConsumer>().Endpoint(e => e.Name = Queues.Executor);
            bus.AddConsumer<ResumeExecutionConsumer>().Endpoint(e => e.Name = Queues.Executor);
            bus.AddConsumer<RestartExecutionConsumer>().Endpoint(e => e.Name = Queues.Executor);
            bus.AddConsumer<QueuedExecutionReleasedConsumer>().Endpoint(e => e.Name = Queues.Executor);
            bus.AddConsumer<SubflowExecutionEndedConsumer>().Endpoint(e => e.Name = Queues.Executor);
            bus.AddConsumer<ChangeExecutionLabelsConsumer>().Endpoint(e => e.Name = Queues.Executor);
            bus.AddConsumer<WorkerTaskResultConsumer>(c => c.Options<BatchOptions>(batch => batch
                    .SetMessageLimit(options.ResultBatchSize)
                    .SetTimeLimit(options.ResultBatchWait)
                    .SetConcurrencyLimit(16)
                    .GroupBy<WorkerTaskResult, string>(m => m.Message.ExecutionId)))
                .Endpoint(e => { e.Name = Queues.Executor; e.ConcurrentMessageLimit = concurrency; e.PrefetchCount = concurrency; });
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(r => r.Intervals(100, 500, 2000)));
        });
        builder.AddQueueDepths(Queues.Executor);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSecrets();
        builder.Services.AddSingleton<FlowCache>();
        builder.Services.AddSingleton<ExecutionPartitions>();
        builder.Services.AddScoped<ExecutionStepRunner>();
        builder.Services.AddSingleton<KeptExecutions>();
        builder.Services.AddSingleton<ExecutorMetrics>();
        builder.Services.AddScoped<ConcurrencySlots>();
        builder.Services.AddScoped<SubflowLauncher>();
        builder.Services.AddScoped<TimerStore>();
        builder.Services.AddSingleton<TimerWakeUp>();
        builder.Services.AddHostedService<TimerPoller>();
        builder.Services.AddHostedService<StaleExecutionSweeper>();
        builder.Services.AddSingleton<StepCoalescer>();
        builder.Services.AddSingleton<ExecutionSteps>();
        builder.Services.AddScoped<OutboxSender>();
        builder.Services.AddHostedService<OutboxSweeper>();
    }
}
