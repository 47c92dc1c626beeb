namespace Kite.Executor.Timers;

/// <summary>A claimed row of <c>execution_timers</c>.</summary>
public sealed record DueTimer(long Id, string ExecutionId, string TaskRunId, string Kind);
