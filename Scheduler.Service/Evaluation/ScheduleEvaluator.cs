using System.Runtime.CompilerServices;
using Kite.Core.Expressions;
using Kite.Core.Flows;
using Kite.Core.Scheduling;
using Kite.Core.Triggers;
using Kite.Scheduler.Executions;
using Kite.Scheduler.Triggers;
using Kite.ServiceDefaults.Secrets;
using Microsoft.Extensions.Options;

namespace Kite.Scheduler.Evaluation;

/// <summary>
/// One due Schedule: which slot fires (missed slots and <c>lateMaximumDelay</c> per <see cref="SlotPlanner"/>),
/// whether its conditions hold on that date, and the execution that then locks the schedule until it ends.
/// </summary>
public sealed class ScheduleEvaluator(SchedulerZone zone, InputEncryption encryption, IOptions<SchedulerOptions> options, ILogger<ScheduleEvaluator> logger)
{
    // A flow revision never changes, so its schedules' parsed crons live as long as the parsed flow does.
    private readonly ConditionalWeakTable<Schedule, CronSchedule> crons = [];

    public TriggerUpdate Evaluate(DueTrigger due, Flow flow, Schedule schedule, DateTimeOffset now)
    {
        CronSchedule cron;
        try
        {
            cron = crons.GetValue(schedule, s => CronSchedule.Of(s, zone.Default));
        }
        catch (FormatException ex)
        {
            logger.LogError("Schedule {Namespace}.{Flow}.{Trigger} will not fire: {Reason}", due.Namespace, due.FlowId, due.TriggerId, ex.Message);
            return new TriggerUpdate(due, null);
        }

        var lateMaximumDelay = schedule.LateMaximumDelay is { } text ? Core.Time.IsoDuration.Parse(text) : (TimeSpan?)null;
        var decision = SlotPlanner.Decide(cron, due.NextExecutionDate, now, schedule.RecoverMissedSchedules ?? options.Value.RecoverMissedSchedules,
            options.Value.MissedAfter, lateMaximumDelay);
        if (decision.Fire is not { } slot)
        {
            logger.LogInformation("Schedule {Namespace}.{Flow}.{Trigger}: {Reason}", due.Namespace, due.FlowId, due.TriggerId, decision.Skipped);
            return new TriggerUpdate(due, decision.Next);
        }

        try
        {
            var variables = TriggerDates.ScheduleVariables(cron, slot);
            var context = ExecutionFactory.Context(flow, due.FlowRevision, variables);
            if (flow.Disabled || !ConditionEvaluator.AllHold(schedule.Conditions ?? schedule.ScheduleConditions, context))
            {
                return new TriggerUpdate(due, decision.Next, slot);
            }

            return new TriggerUpdate(due, decision.Next, slot, ExecutionFactory.Create(flow, due.FlowRevision, schedule.Inputs, schedule.Labels, variables, now, cipher: encryption.Cipher));
        }
        catch (Exception ex) when (ex is ExpressionException or FormatException or NotSupportedException or InvalidOperationException)
        {
            logger.LogError("Schedule {Namespace}.{Flow}.{Trigger} skipped slot {Slot}: {Reason}", due.Namespace, due.FlowId, due.TriggerId, slot, ex.Message);
            return new TriggerUpdate(due, decision.Next, slot);
        }
    }
}
