namespace Kite.Core.Executions;

/// <summary>One run of a task run on a worker; a retry adds another.</summary>
public sealed class TaskRunAttempt
{
    public State State { get; set; }
    public DateTimeOffset StartDate { get; set; }
    public DateTimeOffset? EndDate { get; set; }
}
