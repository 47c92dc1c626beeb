using Kite.Core.Flows;
using Kite.Core.Tasks.Flowable;

namespace Kite.Core.Executions;

/// <summary>
/// Where an execution's timers come from, one source per <see cref="TimerKind"/>: an ended execution whose flow has
/// none of them has no timer to delete, and the executor spares that statement in the step that ends it.
/// </summary>
public static class TimerSources
{
    public static bool MayHaveTimers(Flow? flow, Execution execution) =>
        flow is null
        || execution.ScheduleDate is not null
        || flow.Retry is not null
        || flow.AllTasks().Any(task => task.Retry is not null || task is Pause or LoopUntil);
}
