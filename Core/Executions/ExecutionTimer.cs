namespace Kite.Core.Executions;

/// <summary>A delay held in the database, not in a sleeping thread: at <paramref name="Due"/> the task run gets a <see cref="Events.TimerElapsed"/>.</summary>
public sealed record ExecutionTimer(string TaskRunId, DateTimeOffset Due, TimerKind Kind);
