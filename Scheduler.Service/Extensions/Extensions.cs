using Kite.Data.Flows;
using Kite.Messaging;
using Kite.Scheduler.Backfills;
using Kite.Scheduler.Evaluation;
using Kite.Scheduler.ExecutionChanges;
using Kite.Scheduler.Executions;
using Kite.Scheduler.FlowTriggers;
using Kite.Scheduler.Locks;
using Kite.Scheduler.Monitoring;
using Kite.Scheduler.Polling;
using Kite.Scheduler.Sync;
using Kite.Scheduler.Triggers;
using Kite.ServiceDefaults.Secrets;
using MassTransit;
using Quartz;

namespace Kite.Scheduler.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddKiteDatabase();
        var options = builder.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        builder.Services.Configure<SchedulerOptions>(builder.Configuration.GetSection(SchedulerOptions.Section));
        builder.AddKiteBus(bus =>
        {
            // Competing consumers on one queue: each event is handled by one replica (see Queues.Scheduler).
            // ExecutionChanged comes about twice per execution: in batches, one round trip finds what a batch concerns.
            bus.AddConsumer<ExecutionChangedConsumer>(c => c.Options<BatchOptions>(batch => batch
                    .SetMessageLimit(options.ChangeBatchSize)
                    .SetTimeLimit(options.ChangeBatchWait)
                    .SetConcurrencyLimit(2)))
                .Endpoint(e => e.Name = Queues.Scheduler);
            bus.AddConsumer<FlowChangedConsumer>().Endpoint(e => e.Name = Queues.Scheduler);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(r => r.Intervals(100, 500, 2000)));
        });

        builder.AddQueueDepths(Queues.Scheduler);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FlowCache>();
        builder.Services.AddInputEncryption();
        builder.Services.AddSingleton<SchedulerZone>();
        builder.Services.AddSingleton<SchedulerMetrics>();
        builder.Services.AddSingleton<ExecutionStarter>();
        builder.Services.AddSingleton<ScheduleEvaluator>();
        builder.Services.AddSingleton<EvaluationLoop>();
        builder.Services.AddSingleton<ConcernedTriggersReader>();
        builder.Services.AddSingleton<TriggerUnlocker>();
        builder.Services.AddSingleton<LockHealer>();
        builder.Services.AddSingleton<FlowTriggerFirer>();
        builder.Services.AddSingleton<FlowTriggerStopper>();
        builder.Services.AddSingleton<BackfillProgress>();
        builder.Services.AddSingleton<TriggerSync>();
        builder.Services.AddSingleton<MissedFlowChanges>();
        builder.Services.AddSingleton<PollingQueue>();
        builder.Services.AddSingleton<HttpPoller>();
        builder.Services.AddHttpClient(nameof(HttpPoller));
        builder.Services.AddHostedService<StartupSync>();
        builder.Services.AddHostedService<PollingRunner>();
        builder.AddSchedulerLoops(options);
    }

    /// <summary>Quartz runs each loop as one job, never concurrent with itself; scheduler replicas coordinate through the database, not Quartz.</summary>
    private static void AddSchedulerLoops(this IHostApplicationBuilder builder, SchedulerOptions options)
    {
        builder.Services.AddQuartz(quartz =>
        {
            // A name per host: Quartz keeps schedulers in a process-wide registry, and tests run several hosts in one process.
            quartz.SchedulerName = $"kite-scheduler-{Guid.NewGuid():N}";
            Every<EvaluationJob>(quartz, "evaluation", options.EvaluationInterval);
            Every<MonitoringJob>(quartz, "monitoring", options.MonitoringInterval);
            Every<BackfillJob>(quartz, "backfill", options.BackfillInterval);
        });
        builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
    }

    private static void Every<TJob>(IServiceCollectionQuartzConfigurator quartz, string name, TimeSpan interval) where TJob : IJob
    {
        var key = new JobKey(name);
        quartz.AddJob<TJob>(key);
        quartz.AddTrigger(trigger => trigger.ForJob(key).WithIdentity(name).StartNow()
            .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever().WithMisfireHandlingInstructionNextWithRemainingCount()));
    }
}
