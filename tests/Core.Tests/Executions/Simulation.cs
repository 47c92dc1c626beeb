using Kite.Core.Executions;
using Kite.Core.Executions.Events;
using Kite.Core.Expressions;
using Kite.Core.Flows;

namespace Kite.Core.Tests.Executions;

/// <summary>
/// Drives the pure executor step with a scripted worker: each job ends as <see cref="Outcome"/> says, and the step is
/// applied again, until the execution ends or nothing is left to run.
/// </summary>
public sealed class Simulation
{
    private int ids;
    private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public Simulation(string yaml, Dictionary<string, object?>? inputs = null)
    {
        var document = FlowReader.ReadOne(yaml);
        Assert.True(document.IsValid, string.Join("; ", document.Violations.Select(v => $"{v.Path}: {v.Message}")));
        Flow = document.Flow!;
        Execution = new Execution
        {
            Id = "exec1",
            Namespace = Flow.Namespace,
            FlowId = Flow.Id,
            FlowRevision = 1,
            History = new StateHistory(State.Created, now),
            Inputs = inputs ?? [],
        };
    }

    private Simulation(Flow flow, Execution execution, DateTimeOffset now)
    {
        Flow = flow;
        Execution = execution;
        this.now = now;
    }

    public Flow Flow { get; }
    public Execution Execution { get; }
    public List<TaskRunJob> Sent { get; } = [];
    public List<ExecutionLogLine> Logs { get; } = [];

    /// <summary>Timers the steps stored and that have not fired yet.</summary>
    public List<ExecutionTimer> Timers { get; } = [];

    /// <summary>Child executions the steps asked for.</summary>
    public List<SubflowLaunch> Subflows { get; } = [];

    /// <summary>New executions the steps asked for to retry this one (<c>CREATE_NEW_EXECUTION</c>).</summary>
    public List<Execution> Retries { get; } = [];

    public DateTimeOffset Now => now;

    /// <summary>The execution that retries this one, on the same flow, its clock where this one stopped.</summary>
    public Simulation NextAttempt() => new(Flow, Retries.Single(), now) { Budget = Budget, Outcome = Outcome };

    /// <summary>The render budget of every step, as the executor's host gives it.</summary>
    public RenderBudget Budget { get; init; } = RenderBudget.Default;

    /// <summary>How the scripted worker ends a job; by default SUCCESS with no outputs.</summary>
    public Func<TaskRunJob, (State State, Dictionary<string, object?>? Outputs)> Outcome { get; set; } = _ => (State.Success, null);

    /// <summary>The largest number of jobs out at once.</summary>
    public int MaxInFlight { get; private set; }

    /// <summary>Replaces every run by a copy before each step, as an executor that reads the execution afresh sees it.</summary>
    public bool FreshReads { get; init; }

    public ExecutionStepResult Apply(ExecutionEvent @event)
    {
        now = now.AddMilliseconds(1);
        if (FreshReads)
        {
            var copies = Execution.TaskRuns.Select(Copy).ToList();
            Execution.TaskRuns.Clear();
            Execution.TaskRuns.AddRange(copies);
        }

        var result = ExecutionStep.Apply(Flow, Execution, @event, new StepEnvironment(now, () => $"tr{++ids}") { Budget = Budget });
        Sent.AddRange(result.Jobs);
        Logs.AddRange(result.Logs);
        Timers.AddRange(result.Timers);
        Subflows.AddRange(result.Subflows);
        Retries.AddRange(result.Retries);
        return result;
    }

    /// <summary>Runs to the end: jobs are completed one at a time, oldest first; when none is out, the earliest timer fires.</summary>
    public Simulation Run() => Continue(new ExecutionStarted());

    /// <summary>Applies <paramref name="event"/>, then carries on as <see cref="Run"/> does.</summary>
    public Simulation Continue(ExecutionEvent @event)
    {
        var queue = new Queue<TaskRunJob>(Apply(@event).Jobs);
        while (queue.Count > 0 || (Timers.Count > 0 && !Execution.State.IsTerminated()))
        {
            if (queue.Count == 0)
            {
                foreach (var next in FireEarliestTimer().Jobs)
                {
                    queue.Enqueue(next);
                }

                continue;
            }

            MaxInFlight = Math.Max(MaxInFlight, queue.Count);
            var job = queue.Dequeue();
            foreach (var next in Apply(new TaskRunStarted(job.TaskRunId, job.Attempt)).Jobs)
            {
                queue.Enqueue(next);
            }

            var (state, outputs) = Outcome(job);
            foreach (var next in Apply(new TaskRunEnded(job.TaskRunId, job.Attempt, state, outputs)).Jobs)
            {
                queue.Enqueue(next);
            }
        }

        return this;
    }

    private static TaskRun Copy(TaskRun run) => new()
    {
        Id = run.Id,
        TaskId = run.TaskId,
        ParentTaskRunId = run.ParentTaskRunId,
        Value = run.Value,
        Iteration = run.Iteration,
        History = new StateHistory(run.History.Changes),
        Attempts = [.. run.Attempts.Select(a => new TaskRunAttempt { State = a.State, StartDate = a.StartDate, EndDate = a.EndDate })],
        Outputs = run.Outputs,
    };

    /// <summary>Fires the earliest stored timer at its due time, as the executor's poller does.</summary>
    public ExecutionStepResult FireEarliestTimer()
    {
        var timer = Timers.MinBy(t => t.Due)!;
        Timers.Remove(timer);
        now = timer.Due > now ? timer.Due : now;
        return Apply(new TimerElapsed(timer.TaskRunId, timer.Kind));
    }

    public IEnumerable<string> TaskIds() => Execution.TaskRuns.Select(r => r.TaskId);

    public State StateOf(string taskId) => Execution.TaskRuns.Last(r => r.TaskId == taskId).State;
}
