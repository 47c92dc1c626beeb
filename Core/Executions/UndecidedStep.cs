namespace Kite.Core.Executions;

/// <summary>
/// The step of an execution whose decision threw. The decision is a pure function of the execution and its events,
/// so the same step would throw on every redelivery and the execution would hang RUNNING for ever (Kestra's most
/// reported complaint); instead it ends FAILED, its open task runs with it, and the log says why.
/// </summary>
public static class UndecidedStep
{
    /// <param name="started">The execution was admitted (it took its flow's concurrency slot): it enters RUNNING first.</param>
    public static ExecutionStepResult Fail(Execution execution, DateTimeOffset now, Exception error, bool started = false)
    {
        var result = new ExecutionStepResult();
        if (execution.State.IsTerminated())
        {
            return result;
        }

        foreach (var run in execution.TaskRuns.Where(r => !r.State.IsTerminated()))
        {
            run.Enter(State.Failed, now);
            run.Changed = true;
        }

        if (started && execution.State == State.Created)
        {
            execution.History.Enter(State.Running, now);
        }

        execution.History.Enter(State.Failed, now);
        result.Logs.Add(new ExecutionLogLine(now, "ERROR",
            $"Kite could not work out the next step of this execution ({error.GetType().Name}: {error.Message}), so it is FAILED "
            + "rather than left running. This is a defect in Kite; please report it with the flow's source."));
        // Workers stop what they still run of it, as for a kill.
        result.Killed = true;
        result.StateChanged = result.Changed = true;
        return result;
    }
}
