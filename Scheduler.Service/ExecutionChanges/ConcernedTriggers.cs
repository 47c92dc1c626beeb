using Kite.Scheduler.FlowTriggers;

namespace Kite.Scheduler.ExecutionChanges;

/// <summary>
/// What a batch of state changes may touch among the triggers: every enabled Flow trigger (what may fire, and what
/// <c>stopAfter</c> may disable), and which of the ended executions lock a schedule (what must be released).
/// </summary>
public sealed record ConcernedTriggers(IReadOnlyList<FlowTriggerRow> FlowTriggers, IReadOnlySet<string> LockingExecutions);
