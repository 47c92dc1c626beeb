namespace Kite.Core.Executions;

/// <summary>What one step decided: task runs to send to workers and lines to log. The execution was updated in place.</summary>
public sealed class ExecutionStepResult
{
    public List<TaskRunJob> Jobs { get; } = [];
    public List<ExecutionLogLine> Logs { get; } = [];

    /// <summary>The execution's own state changed (publish ExecutionChanged).</summary>
    public bool StateChanged { get; set; }

    /// <summary>Anything changed (write the step back).</summary>
    public bool Changed { get; set; }
}
