namespace Kite.Core.Executions;

/// <summary>The run of one task in one execution (once per loop value for tasks inside a ForEach).</summary>
public sealed class TaskRun
{
    public required string Id { get; init; }
    public required string TaskId { get; init; }
    public string? ParentTaskRunId { get; init; }

    /// <summary>The loop value this run belongs to, as text (Kestra's <c>taskrun.value</c>).</summary>
    public string? Value { get; init; }

    public int? Iteration { get; init; }
    public required StateHistory History { get; init; }
    public List<TaskRunAttempt> Attempts { get; init; } = [];
    public Dictionary<string, object?>? Outputs { get; set; }

    /// <summary>Set by the step that changed this run, so only changed runs are written back.</summary>
    public bool Changed { get; set; }

    /// <summary>A ForEach run's progress over its values, kept between steps in memory only (never stored).</summary>
    internal Flowables.LoopProgress? Loop { get; set; }

    /// <summary>The state this run had when the current step last resolved its scope (null: created since).</summary>
    internal State? ResolvedState { get; set; }

    public State State => History.Current;

    public void Enter(State state, DateTimeOffset now)
    {
        if (History.Enter(state, now))
        {
            Changed = true;
        }
    }
}
