using Kite.Data.Executions;

namespace Kite.Scheduler.Evaluation;

/// <summary>
/// What evaluating one due trigger changes: its next date, the slot it fired (<see cref="Date"/>), the execution that
/// now locks it, whether a polling evaluation is under way, and the execution to create.
/// </summary>
public sealed record TriggerUpdate(
    DueTrigger Trigger,
    DateTimeOffset? Next,
    DateTimeOffset? Date = null,
    CreatedExecution? Execution = null,
    bool PollingStarted = false);
