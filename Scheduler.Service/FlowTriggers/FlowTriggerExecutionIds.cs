using Kite.Core.Executions;
using Kite.Scheduler.Executions;

namespace Kite.Scheduler.FlowTriggers;

/// <summary>
/// The id of the execution a Flow trigger starts for a state change of another execution. Derived from the cause, so
/// a redelivered event starts nothing twice, and so the started execution, once it ends, tells which trigger started
/// it (its <c>trigger.executionId</c> and <c>trigger.state</c> give the cause back) without anything stored beside it.
/// </summary>
public static class FlowTriggerExecutionIds
{
    public static string For(string sourceExecutionId, State sourceState, string @namespace, string flowId, string triggerId) =>
        DeterministicIds.For($"flow-trigger:{sourceExecutionId}:{sourceState.ToKestraName()}:{@namespace}:{flowId}:{triggerId}");
}
