namespace Kite.Core.Executions;

/// <summary>What one step decided: jobs for workers, delays to store, child executions to create, lines to log. The execution was updated in place.</summary>
public sealed class ExecutionStepResult
{
    public List<TaskRunJob> Jobs { get; } = [];
    public List<ExecutionLogLine> Logs { get; } = [];
    public List<ExecutionTimer> Timers { get; } = [];
    public List<SubflowLaunch> Subflows { get; } = [];

    /// <summary>New executions that retry this one (<c>CREATE_NEW_EXECUTION</c>), CREATED, each with its scheduled start.</summary>
    public List<Execution> Retries { get; } = [];

    /// <summary>Child executions to kill with this one (kills cascade).</summary>
    public List<string> ChildrenToKill { get; } = [];

    /// <summary>Task runs a restart removed (the <c>errors</c> and <c>finally</c> runs of the failed attempt).</summary>
    public List<string> RemovedTaskRuns { get; } = [];

    /// <summary>The execution was killed: workers must stop its running task runs.</summary>
    public bool Killed { get; set; }

    /// <summary>The execution's own state changed (publish ExecutionChanged).</summary>
    public bool StateChanged { get; set; }

    /// <summary>Anything changed (write the step back).</summary>
    public bool Changed { get; set; }
}
