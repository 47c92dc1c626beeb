namespace Kite.Core.Tasks.ExecutionControl;

/// <summary><c>io.kestra.plugin.core.execution.Fail</c>: fails the task (when <see cref="Condition"/> renders true, if set).</summary>
public sealed class Fail : RunnableTask
{
    public string? Condition { get; set; }

    public string ErrorMessage { get; set; } = "Task failure";
}
