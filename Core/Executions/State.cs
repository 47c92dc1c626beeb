namespace Kite.Core.Executions;

/// <summary>The states of an execution and of a task run, with Kestra's names.</summary>
public enum State
{
    Created,
    Submitted,
    Running,
    Paused,
    Restarted,
    Killing,
    Success,
    Warning,
    Failed,
    Killed,
    Cancelled,
    Queued,
    Retrying,
    Retried,
    Skipped,
    Breakpoint,
    Resubmitted,
}
