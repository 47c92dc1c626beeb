using Kite.Core.Executions.Context;
using Kite.Core.Executions.Events;
using Kite.Core.Executions.Resolution;
using Kite.Core.Executions.Retries;
using Kite.Core.Expressions;
using Kite.Core.Flows.Retries;
using Kite.Core.Tasks;
using Kite.Core.Tasks.Flowable;

namespace Kite.Core.Executions;

/// <summary>The parts of a step that wait: retries, pauses and their timers.</summary>
public sealed partial class ExecutionStep
{
    /// <summary>The task's retry policy, else its nearest flowable parent's, else the flow's (Kestra's order).</summary>
    private Retry? RetryPolicy(TaskRun run, TaskDefinition task)
    {
        if (task.Retry is { } own)
        {
            return own;
        }

        for (var parent = Parent(run); parent is not null; parent = Parent(parent))
        {
            if (tasks[parent.TaskId].Retry is { } inherited)
            {
                return inherited;
            }
        }

        return flow.Retry;
    }

    private TaskRun? Parent(TaskRun run) => run.ParentTaskRunId is { } id ? execution.FindTaskRun(id) : null;

    /// <summary>A failed runnable attempt with retries left becomes RETRYING and a timer brings its next attempt.</summary>
    private bool ScheduleRetry(TaskRun run, TaskDefinition task)
    {
        if (task.Kind != TaskKind.Runnable || RetryPolicy(run, task) is not { } policy)
        {
            return false;
        }

        // A new execution counts its attempts and its duration over the whole chain, not over this task run.
        var newExecution = policy.Behavior == RetryBehavior.CreateNewExecution;
        DateTimeOffset? due;
        try
        {
            due = newExecution
                ? RetryDecision.Next(policy, execution.AttemptNumber, execution.OriginalCreatedDate ?? execution.History.StartDate, Now, environment.Random())
                : RetryDecision.Next(policy, run.Attempts.Count, run.Attempts[0].StartDate, Now, environment.Random());
        }
        catch (TaskFailedException ex)
        {
            Log("ERROR", $"{task.Id} is not retried: its retry policy does not read: {ex.Message}", run);
            return false;
        }

        if (due is not { } next)
        {
            return false;
        }

        if (newExecution)
        {
            RetryInNewExecution(run, next);
            return true;
        }

        run.Enter(State.Retrying, Now);
        result.Timers.Add(new ExecutionTimer(run.Id, next, TimerKind.Retry));
        Log("WARN", $"{task.Id} failed on attempt {run.Attempts.Count}; attempt {run.Attempts.Count + 1} at {next:O}", run);
        return true;
    }

    /// <summary>
    /// As Kestra does: the run and its flowable parents become RETRIED, the execution ends RETRIED (runs still open
    /// are killed), and a replay of the whole flow, the chain's next attempt, is created to start at <paramref name="due"/>.
    /// </summary>
    private void RetryInNewExecution(TaskRun run, DateTimeOffset due)
    {
        for (var retried = run; retried is not null; retried = Parent(retried))
        {
            if (retried.Attempts.Count > 0 && !retried.Attempts[^1].State.IsTerminated())
            {
                retried.Attempts[^1].State = State.Retried;
                retried.Attempts[^1].EndDate = Now;
            }

            retried.Enter(State.Retried, Now);
        }

        KillOpenRuns();
        execution.History.Enter(State.Retried, Now);
        var next = ExecutionReplay.NextAttempt(execution, environment.NewExecutionId(), Now, due);
        result.Retries.Add(next);
        Log("WARN", $"{run.TaskId} failed in attempt {execution.AttemptNumber} of the execution; attempt {next.AttemptNumber} is execution {next.Id}, at {due:O}", run);
    }

    private bool Elapsed(TimerElapsed timer)
    {
        if (timer.Kind == TimerKind.ScheduledStart)
        {
            // The timer is the schedule: the start does not wait for this host's clock to agree.
            return execution.State == State.Created && execution.History.Enter(State.Running, Now);
        }

        if (execution.State.IsTerminated() || execution.FindTaskRun(timer.TaskRunId) is not { } run)
        {
            return false;
        }

        switch (timer.Kind)
        {
            case TimerKind.Retry when run.State == State.Retrying:
                Submit(run, tasks[run.TaskId]);
                return true;
            case TimerKind.PauseEnded when run.State == State.Paused:
                EndPauseByTime(run, (Pause)tasks[run.TaskId]);
                return true;
            default:
                // A loop's check, or a timer whose purpose has passed: the resolution that follows looks again.
                return false;
        }
    }

    private void PauseAt(TaskRun run, Pause pause)
    {
        // The duration is read first: one that does not read fails the run before the execution is marked PAUSED.
        ExecutionTimer? ends = null;
        if ((pause.PauseDuration ?? pause.Delay ?? pause.Timeout) is { } duration)
        {
            var property = pause.PauseDuration is not null ? "pauseDuration" : pause.Delay is not null ? "delay" : "timeout";
            var wait = TaskTimes.Read(duration, property, variables.Context(run, pause));
            ends = new ExecutionTimer(run.Id, TaskTimes.After(Now, wait, property), TimerKind.PauseEnded);
        }

        run.Attempts.Add(new TaskRunAttempt { State = State.Paused, StartDate = Now });
        run.Enter(State.Paused, Now);
        execution.History.Enter(State.Paused, Now);
        if (ends is not null)
        {
            result.Timers.Add(ends);
        }
    }

    /// <summary>After <c>pauseDuration</c> the behavior decides (RESUME by default); after a bare <c>timeout</c> the pause fails.</summary>
    private void EndPauseByTime(TaskRun run, Pause pause)
    {
        var state = (pause.PauseDuration ?? pause.Delay) is null
            ? State.Failed
            : (pause.Behavior ?? PauseBehavior.Resume) switch
            {
                PauseBehavior.Warn => State.Warning,
                PauseBehavior.Fail => State.Failed,
                PauseBehavior.Cancel => State.Cancelled,
                _ => State.Success,
            };
        if (state == State.Failed)
        {
            Log("ERROR", $"{pause.Id} was not resumed in time", run);
        }

        EndPause(run, FinalState.Allowed(state, pause.AllowFailure, pause.AllowWarning), null);
        if (state == State.Cancelled)
        {
            exitState ??= State.Cancelled;
        }
    }

    private bool Resume(ResumeRequested resume)
    {
        if (execution.State != State.Paused)
        {
            return false;
        }

        var resumed = new Dictionary<string, object?> { ["on"] = Now.ToString("O") };
        foreach (var run in execution.TaskRuns.Where(r => r.State == State.Paused).ToList())
        {
            EndPause(run, State.Success, new Dictionary<string, object?> { ["onResume"] = resume.Inputs, ["resumed"] = resumed });
        }

        return execution.History.Enter(State.Running, Now);
    }

    private void EndPause(TaskRun run, State state, Dictionary<string, object?>? outputs)
    {
        if (run.Attempts.Count > 0)
        {
            run.Attempts[^1].State = state;
            run.Attempts[^1].EndDate = Now;
        }

        if (outputs is not null)
        {
            run.Outputs = outputs;
            variables.OutputsChanged();
        }

        run.Enter(state, Now);
        if (execution.State == State.Paused && !execution.TaskRuns.Exists(r => r.State == State.Paused))
        {
            execution.History.Enter(State.Running, Now);
        }
    }
}
