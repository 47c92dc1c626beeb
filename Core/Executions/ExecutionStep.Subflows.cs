using Kite.Core.Executions.Context;
using Kite.Core.Executions.Events;
using Kite.Core.Executions.Resolution;
using Kite.Core.Expressions;
using Kite.Core.Tasks.Flowable;

namespace Kite.Core.Executions;

/// <summary>The parts of a step about child executions: launching a Subflow and hearing how it went.</summary>
public sealed partial class ExecutionStep
{
    private void Launch(TaskRun run, Subflow subflow)
    {
        var context = variables.Context(run, subflow);
        var inputs = subflow.Inputs is null ? [] : (Dictionary<string, object?>)ValueRenderer.Render(subflow.Inputs, context)!;
        var labels = subflow.InheritLabels
            ? execution.Labels.Where(l => !l.Key.StartsWith("system.", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in subflow.Labels ?? [])
        {
            labels[TemplateEngine.Render(label.Key, context)] = TemplateEngine.Render(label.Value, context);
        }

        MaskLabels(labels);
        DateTimeOffset? scheduleDate = subflow.ScheduleDate is { } date ? TaskTimes.Date(TemplateEngine.Render(date, context), "scheduleDate") : null;
        var child = environment.NewExecutionId();
        run.Attempts.Add(new TaskRunAttempt { State = State.Running, StartDate = Now });
        run.Enter(State.Running, Now);
        run.Outputs = new Dictionary<string, object?> { ["executionId"] = child };
        run.Changed = true;
        variables.OutputsChanged();
        result.Subflows.Add(new SubflowLaunch(run.Id, child, subflow, inputs, labels, scheduleDate)
        {
            SecretInputs = [.. inputs.Where(i => environment.Mask.Holds(i.Value)).Select(i => i.Key)],
        });
        if (!subflow.Wait)
        {
            EndSubflowRun(run, State.Success);
        }
    }

    private TaskRun? WaitingSubflow(string taskRunId) =>
        execution.FindTaskRun(taskRunId) is { } run && !run.State.IsTerminated() && tasks[run.TaskId] is Subflow ? run : null;

    private bool SubflowNotCreated(SubflowStartFailed failed)
    {
        if (WaitingSubflow(failed.TaskRunId) is not { } run)
        {
            return false;
        }

        Log("ERROR", $"{run.TaskId} could not start its subflow: {failed.Reason}", run);
        EndSubflowRun(run, State.Failed);
        return true;
    }

    private bool SubflowFinished(SubflowEnded ended)
    {
        if (WaitingSubflow(ended.TaskRunId) is not { } run || run.Outputs?.GetValueOrDefault("executionId") as string != ended.ChildExecutionId)
        {
            return false;
        }

        var subflow = (Subflow)tasks[run.TaskId];
        run.Outputs = new Dictionary<string, object?>
        {
            ["executionId"] = ended.ChildExecutionId,
            ["state"] = ended.State.ToKestraName(),
            ["outputs"] = ended.Outputs ?? [],
        };
        variables.OutputsChanged();
        var state = ended.State switch
        {
            State.Success or State.Skipped => State.Success,
            State.Warning => State.Warning,
            _ when subflow.TransmitFailed => State.Failed,
            _ => State.Success,
        };
        if (state == State.Failed)
        {
            Log("ERROR", $"{run.TaskId}: the subflow execution {ended.ChildExecutionId} ended {ended.State.ToKestraName()}", run);
        }

        EndSubflowRun(run, state);
        return true;
    }

    private void EndSubflowRun(TaskRun run, State state)
    {
        var task = tasks[run.TaskId];
        var final = FinalState.Allowed(state, task.AllowFailure, task.AllowWarning);
        run.Attempts[^1].State = final;
        run.Attempts[^1].EndDate = Now;
        run.Enter(final, Now);
    }
}
