using Kite.Core.Executions.Context;
using Kite.Core.Executions.Events;
using Kite.Core.Executions.Flowables;
using Kite.Core.Flows;
using Kite.Core.Tasks;
using Kite.Core.Tasks.Flowable;

namespace Kite.Core.Executions;

/// <summary>The parts of a step asked for from outside: kill, restart, and the flow's concurrency limit.</summary>
public sealed partial class ExecutionStep
{
    private bool LimitReached(ConcurrencyLimitReached limited)
    {
        switch (limited.Behavior)
        {
            case ConcurrencyBehavior.Queue:
                return execution.History.Enter(State.Queued, Now);
            case ConcurrencyBehavior.Cancel:
                Log("WARN", $"the flow already runs {limited.Limit} execution(s), its concurrency limit: this one is cancelled", null);
                return execution.History.Enter(State.Cancelled, Now);
            default:
                Log("ERROR", $"the flow already runs {limited.Limit} execution(s), its concurrency limit: this one fails", null);
                return execution.History.Enter(State.Failed, Now);
        }
    }

    /// <summary>
    /// KILLING then KILLED in the same step: every run not yet ended is killed now, workers are told to stop
    /// theirs, and their late reports are ignored. Waiting for every worker to confirm is what leaves Kestra
    /// executions stuck in KILLING when a worker is gone.
    /// </summary>
    private bool Kill()
    {
        if (execution.State.IsTerminated())
        {
            return false;
        }

        execution.History.Enter(State.Killing, Now);
        KillOpenRuns();
        execution.History.Enter(State.Killed, Now);
        result.Killed = true;
        return true;
    }

    /// <summary>Every run not yet ended is killed, with the subflow executions it waits for; workers are told to stop theirs.</summary>
    private void KillOpenRuns()
    {
        foreach (var run in execution.TaskRuns.Where(r => !r.State.IsTerminated()))
        {
            if (tasks[run.TaskId] is Subflow && run.Outputs?.GetValueOrDefault("executionId") is string child)
            {
                result.ChildrenToKill.Add(child);
            }

            if (run.Attempts.Count > 0 && !run.Attempts[^1].State.IsTerminated())
            {
                run.Attempts[^1].State = State.Killed;
                run.Attempts[^1].EndDate = Now;
                result.Killed |= tasks[run.TaskId].Kind == TaskKind.Runnable;
            }

            run.Enter(State.Killed, Now);
        }
    }

    private bool ReplaceLabels(Dictionary<string, string> labels)
    {
        var next = execution.Labels.Where(l => l.Key.StartsWith("system.", StringComparison.Ordinal))
            .Concat(labels.Where(l => !l.Key.StartsWith("system.", StringComparison.Ordinal)))
            .ToDictionary(StringComparer.Ordinal);
        if (next.Count == execution.Labels.Count && next.All(l => execution.Labels.GetValueOrDefault(l.Key) == l.Value))
        {
            return false;
        }

        execution.Labels.Clear();
        foreach (var (key, value) in next)
        {
            execution.Labels[key] = value;
        }

        return true;
    }

    /// <summary>
    /// Restart in place: the runs of <c>errors</c> and <c>finally</c> branches are removed, failed and killed runs
    /// get a new attempt, their flowable ancestors run again, and the execution goes RESTARTED then RUNNING.
    /// </summary>
    private bool Restart()
    {
        if (execution.State is not (State.Failed or State.Killed or State.Paused))
        {
            return false;
        }

        var recovery = RecoveryTaskIds();
        var removed = Descendants(execution.TaskRuns.Where(r => recovery.Contains(r.TaskId)).Select(r => r.Id));
        execution.TaskRuns.RemoveAll(r => removed.Contains(r.Id));
        result.RemovedTaskRuns.AddRange(removed);
        // Loops count on runs being only ever added: they read their runs again.
        execution.TaskRuns.ForEach(r => r.Loop = null);
        variables = new TaskRunVariables(flow, execution, environment);
        scope = new FlowableScope(execution, variables, Now);
        execution.Outputs = null;
        execution.Labels["system.restarted"] = "true";
        execution.History.Enter(State.Restarted, Now);
        execution.History.Enter(State.Running, Now);
        foreach (var run in execution.TaskRuns.Where(r => r.State is State.Failed or State.Killed).ToList())
        {
            RestartRun(run);
        }

        return true;
    }

    private void RestartRun(TaskRun run)
    {
        var task = tasks[run.TaskId];
        run.Enter(State.Restarted, Now);
        switch (task)
        {
            case Subflow subflow:
                Launch(run, subflow);
                break;
            case Pause pause:
                PauseAt(run, pause);
                break;
            case FlowableTask:
                run.Attempts.Add(new TaskRunAttempt { State = State.Running, StartDate = Now });
                run.Enter(State.Running, Now);
                break;
            default:
                Submit(run, task);
                break;
        }

        // Ancestors that ended (a flowable with allowFailure ends WARNING around a failed child) must resolve again.
        for (var parent = Parent(run); parent is not null; parent = Parent(parent))
        {
            if (parent.State.IsTerminated())
            {
                parent.Enter(State.Restarted, Now);
                parent.Enter(State.Running, Now);
            }
        }
    }

    private HashSet<string> RecoveryTaskIds()
    {
        var lists = new List<IEnumerable<TaskDefinition>> { flow.Errors ?? [], flow.Finally ?? [], flow.AfterExecution ?? [] };
        lists.AddRange(flow.AllTasks().OfType<FlowableTask>().SelectMany(f => new[] { f.Errors ?? [], f.Finally ?? [] }));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TaskDefinition>(lists.SelectMany(l => l));
        while (pending.TryPop(out var task))
        {
            if (ids.Add(task.Id) && task is FlowableTask flowable)
            {
                foreach (var child in flowable.ChildTasks())
                {
                    pending.Push(child);
                }
            }
        }

        return ids;
    }

    private HashSet<string> Descendants(IEnumerable<string> roots)
    {
        var ids = new HashSet<string>(roots, StringComparer.Ordinal);
        bool grew;
        do
        {
            grew = false;
            foreach (var run in execution.TaskRuns)
            {
                if (run.ParentTaskRunId is { } parent && ids.Contains(parent) && ids.Add(run.Id))
                {
                    grew = true;
                }
            }
        }
        while (grew);
        return ids;
    }
}
