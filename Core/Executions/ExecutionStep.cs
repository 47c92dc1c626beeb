using System.Runtime.CompilerServices;
using Kite.Core.Executions.Context;
using Kite.Core.Executions.Events;
using Kite.Core.Executions.Flowables;
using Kite.Core.Executions.Resolution;
using Kite.Core.Expressions;
using Kite.Core.Flows;
using Kite.Core.Tasks;
using Kite.Core.Tasks.Flowable;
using Kite.Core.Values;

namespace Kite.Core.Executions;

/// <summary>
/// The executor's decision, pure: applies one event to an execution, then resolves flowables and sequences until
/// nothing more can happen now. It changes the execution in place and returns the jobs to send and lines to log.
/// </summary>
public sealed partial class ExecutionStep
{
    private const int MaxPasses = 100_000;

    private static readonly Dictionary<Type, IFlowableResolver> Resolvers = new()
    {
        [typeof(Sequential)] = new SequentialResolver(),
        [typeof(AllowFailure)] = new AllowFailureResolver(),
        [typeof(If)] = new IfResolver(),
        [typeof(Switch)] = new SwitchResolver(),
        [typeof(Tasks.Flowable.Parallel)] = new ParallelResolver(),
        [typeof(ForEach)] = new ForEachResolver(),
        [typeof(Dag)] = new DagResolver(),
        [typeof(LoopUntil)] = new LoopUntilResolver(),
    };

    private static readonly ConditionalWeakTable<Flow, Dictionary<string, TaskDefinition>> TaskIndexes = [];

    private readonly Flow flow;
    private readonly Execution execution;
    private readonly StepEnvironment environment;
    private readonly ExecutionStepResult result = new();
    private TaskRunVariables variables;
    private FlowableScope scope;
    private readonly Dictionary<string, TaskDefinition> tasks;
    private State? exitState;

    // A scope is resolved again only when one of its runs changed state since the last pass.
    private readonly ScopeChanges changes;
    private bool resolveEverything;

    private ExecutionStep(Flow flow, Execution execution, StepEnvironment environment)
    {
        this.flow = flow;
        this.execution = execution;
        this.environment = environment;
        variables = new TaskRunVariables(flow, execution, environment);
        scope = new FlowableScope(execution, variables, environment.Now);
        changes = new ScopeChanges(execution.TaskRuns);
        tasks = TaskIndexes.GetValue(flow, f => f.AllTasks().GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
    }

    public static ExecutionStepResult Apply(Flow flow, Execution execution, ExecutionEvent @event, StepEnvironment environment) =>
        Apply(flow, execution, [@event], environment);

    /// <summary>Applies several events in one step (a batch of worker results for the same execution), then resolves once.</summary>
    public static ExecutionStepResult Apply(Flow flow, Execution execution, IReadOnlyList<ExecutionEvent> events, StepEnvironment environment)
    {
        var step = new ExecutionStep(flow, execution, environment);
        var before = execution.State;
        var changedBefore = false;
        foreach (var @event in events)
        {
            changedBefore |= step.Handle(@event);
            // Worker reports change run states, which the next pass sees; anything else may affect any scope.
            step.resolveEverything |= @event is not (TaskRunStarted or TaskRunEnded);
        }

        step.Advance();
        step.result.StateChanged = execution.State != before;
        step.result.Changed = changedBefore || step.result.StateChanged || step.result.Jobs.Count > 0 || execution.TaskRuns.Any(t => t.Changed);
        return step.result;
    }

    private DateTimeOffset Now => environment.Now;

    private bool Handle(ExecutionEvent @event) => @event switch
    {
        ExecutionStarted when execution.State == State.Created => Start(),
        ExecutionDequeued when execution.State == State.Queued => execution.History.Enter(State.Running, Now),
        ConcurrencyLimitReached limited when execution.State == State.Created => LimitReached(limited),
        TaskRunStarted started when Current(started.TaskRunId, started.Attempt) is { } run => Started(run),
        TaskRunEnded ended when Current(ended.TaskRunId, ended.Attempt) is { } run => Ended(run, ended),
        KillRequested => Kill(),
        ResumeRequested resume => Resume(resume),
        RestartRequested => Restart(),
        LabelsReplaced replaced => ReplaceLabels(replaced.Labels),
        TimerElapsed timer => Elapsed(timer),
        SubflowStartFailed failed => SubflowNotCreated(failed),
        SubflowEnded ended => SubflowFinished(ended),
        _ => false,
    };

    /// <summary>RUNNING now, or a timer for its <c>scheduleDate</c>.</summary>
    private bool Start()
    {
        if (!ScheduledStart.Waits(execution, Now))
        {
            return execution.History.Enter(State.Running, Now);
        }

        result.Timers.Add(ScheduledStart.Timer(execution));
        return true;
    }

    private bool Started(TaskRun run) => Started(run, Now);

    private static bool Started(TaskRun run, DateTimeOffset at)
    {
        run.Attempts[^1].State = State.Running;
        run.Enter(State.Running, at);
        return true;
    }

    private bool Ended(TaskRun run, TaskRunEnded ended)
    {
        if (run.State is State.Created or State.Submitted)
        {
            // Ended before the worker reported it RUNNING: it did run, from when the worker started it (kept in order
            // with the history, since the worker's clock is not the executor's).
            var previous = run.History.Changes[^1].Date;
            var at = ended.StartedAt is { } started ? started < previous ? previous : started > Now ? Now : started : Now;
            Started(run, at);
        }

        var attempt = run.Attempts[^1];
        attempt.State = ended.State;
        attempt.EndDate = Now;
        if (ended.Outputs is not null)
        {
            run.Outputs = ended.Outputs;
            variables.OutputsChanged();
        }

        run.Changed = true;
        var task = tasks[run.TaskId];
        if (ended.State == State.Failed && ScheduleRetry(run, task))
        {
            return true;
        }

        var state = ended.State == State.Success && run.Attempts.Count > 1 && RetryPolicy(run, task)?.WarningOnRetry == true ? State.Warning : ended.State;
        run.Enter(FinalState.Allowed(state, task.AllowFailure, task.AllowWarning), Now);
        return true;
    }

    /// <summary>The run, when the report is about its current attempt and it has not ended: duplicates and late reports are ignored.</summary>
    private TaskRun? Current(string taskRunId, int attempt) =>
        execution.FindTaskRun(taskRunId) is { } run && !run.State.IsTerminated() && run.Attempts.Count == attempt ? run : null;

    private void Advance()
    {
        for (var pass = 0; pass < MaxPasses && execution.State == State.Running; pass++)
        {
            var changed = changes.Next(resolveEverything);
            resolveEverything = false;
            var progressed = false;
            foreach (var run in changes.Open.Where(r => r.State == State.Running && tasks[r.TaskId] is FlowableTask && (changed is null || changed.Contains(r.Id))).ToList())
            {
                progressed |= Follow(ResolveFlowable(run), run);
            }

            if (exitState is { } exit)
            {
                End(exit);
                return;
            }

            if (changed is null || changed.Contains(ScopeChanges.Root))
            {
                progressed |= Follow(Sequence.Resolve(flow.Tasks, flow.Errors, flow.Finally, [.. execution.ChildrenOf(null)]), parent: null);
            }

            if (!progressed)
            {
                return;
            }
        }
    }

    private Resolution.Resolution ResolveFlowable(TaskRun run)
    {
        var task = (FlowableTask)tasks[run.TaskId];
        try
        {
            return Resolvers[task.GetType()].Resolve(task, run, scope);
        }
        catch (Exception ex) when (ex is ExpressionException or TaskFailedException)
        {
            Log("ERROR", $"{task.Id} failed: {ex.Message}", run);
            return Resolution.Resolution.Done(State.Failed);
        }
    }

    private bool Follow(Resolution.Resolution resolution, TaskRun? parent)
    {
        switch (resolution)
        {
            case CreateRuns create:
                foreach (var planned in create.Runs)
                {
                    Start(planned, parent);
                }

                return create.Runs.Count > 0;
            case WaitingUntil waiting when parent is not null:
                if (!result.Timers.Exists(t => t.TaskRunId == parent.Id && t.Kind == TimerKind.LoopCheck))
                {
                    result.Timers.Add(new ExecutionTimer(parent.Id, waiting.Due, TimerKind.LoopCheck));
                }

                return false;
            case ScopeDone done when parent is null:
                End(done.State);
                return true;
            case ScopeDone done:
                var task = tasks[parent.TaskId];
                var state = FinalState.Allowed(done.State, task.AllowFailure, task.AllowWarning);
                if (parent.Attempts.Count > 0)
                {
                    parent.Attempts[^1].State = state;
                    parent.Attempts[^1].EndDate = Now;
                }

                parent.Enter(state, Now);
                return true;
            default:
                return false;
        }
    }

    private void Start(PlannedRun planned, TaskRun? parent)
    {
        var task = planned.Task;
        var run = new TaskRun
        {
            Id = environment.NewId(),
            TaskId = task.Id,
            ParentTaskRunId = parent?.Id,
            Value = planned.Value,
            Iteration = planned.Iteration,
            History = new StateHistory(State.Created, Now),
            Changed = true,
        };
        execution.TaskRuns.Add(run);
        scope.Invalidate();
        try
        {
            if (task.RunIf is { } runIf && !ValueRenderer.IsTruthy(TemplateEngine.Render(runIf, variables.Context(run, task))))
            {
                run.Enter(State.Skipped, Now);
                return;
            }

            switch (task.Kind)
            {
                case TaskKind.Flowable when task is Pause pause:
                    PauseAt(run, pause);
                    break;
                case TaskKind.Executable when task is Subflow subflow:
                    Launch(run, subflow);
                    break;
                case TaskKind.Flowable when Resolvers.ContainsKey(task.GetType()):
                    run.Attempts.Add(new TaskRunAttempt { State = State.Running, StartDate = Now });
                    run.Enter(State.Running, Now);
                    break;
                case TaskKind.ExecutionUpdating:
                    exitState ??= ExecutionUpdates.Apply(task, execution, variables.Context(run, task));
                    MaskLabels(execution.Labels);
                    run.Enter(State.Success, Now);
                    break;
                case TaskKind.Runnable:
                    Submit(run, task);
                    break;
                default:
                    throw new TaskFailedException($"the task type {task.Type} is not supported by this executor yet");
            }
        }
        catch (Exception ex) when (ex is ExpressionException or TaskFailedException)
        {
            Log("ERROR", $"{task.Id} failed: {ex.Message}", run);
            run.Enter(FinalState.Allowed(State.Failed, task.AllowFailure, task.AllowWarning), Now);
        }
    }

    /// <summary>A new attempt of a runnable task run, sent to a worker.</summary>
    private void Submit(TaskRun run, TaskDefinition task)
    {
        // The attempt goes in first: the job's taskrun.attemptsCount counts it.
        var attempt = new TaskRunAttempt { State = State.Submitted, StartDate = Now };
        run.Attempts.Add(attempt);
        run.Changed = true;
        var jobVariables = variables.ForJob(run, task);
        var json = PlainJson.Write(jobVariables);
        if (MessageSize.AsJsonString(json) is var size && size > environment.MaxJobBytes)
        {
            // The same variables next time: failed, not retried.
            attempt.State = State.Failed;
            attempt.EndDate = Now;
            var read = jobVariables.GetValueOrDefault("outputs") is IReadOnlyDictionary<string, object?> { Count: > 0 } outputs
                ? $": it reads the outputs of {string.Join(", ", outputs.Keys)}"
                : "";
            Log("ERROR", $"{task.Id} failed: its variables take {MessageSize.Describe(size)} in a job message, over the {MessageSize.Describe(environment.MaxJobBytes)} "
                + $"a message may carry (Kite:Executor:MaxJobBytes; RabbitMQ 4 refuses messages over 16 MiB){read}; keep large data in files and pass their URIs", run);
            run.Enter(FinalState.Allowed(State.Failed, task.AllowFailure, task.AllowWarning), Now);
            return;
        }

        run.Enter(State.Submitted, Now);
        result.Jobs.Add(new TaskRunJob(run.Id, task.Id, run.Attempts.Count, jobVariables, json));
    }

    private void End(State state)
    {
        foreach (var run in execution.TaskRuns.Where(r => !r.State.IsTerminated()))
        {
            run.Enter(State.Killed, Now);
        }

        if (flow.Outputs is { Count: > 0 } outputs)
        {
            try
            {
                var context = variables.Context(null, null);
                execution.Outputs = outputs.ToDictionary(o => o.Id, o => environment.Mask.Apply(ValueRenderer.Render(o.Value, context)), StringComparer.Ordinal);
            }
            catch (ExpressionException ex)
            {
                Log("ERROR", $"the flow outputs could not be rendered: {ex.Message}", null);
                state = State.Failed;
            }
        }

        execution.History.Enter(state, Now);
    }

    private void Log(string level, string message, TaskRun? run) =>
        result.Logs.Add(new ExecutionLogLine(Now, level, environment.Mask.Apply(message), run?.Id, run?.TaskId));

    /// <summary>Labels are shown and filtered on: a secret a render put in one is masked.</summary>
    private void MaskLabels(Dictionary<string, string> labels)
    {
        foreach (var (key, value) in labels.Where(l => environment.Mask.Holds(l.Value)).ToList())
        {
            labels[key] = environment.Mask.Apply(value);
        }
    }
}
