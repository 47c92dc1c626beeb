namespace Kite.Data.Purges;

/// <summary>
/// The tables whose rows hang off an execution by <c>execution_id</c> and go with it. A table added to the schema
/// that keeps per-execution state is added here, and every purge deletes it in the batch's transaction.
/// </summary>
public static class ExecutionTables
{
    /// <summary>State of the execution itself: deleted with the execution row (PurgeExecutions' purgeExecution).</summary>
    public static IReadOnlyList<string> State { get; } = ["task_runs", "execution_timers", "execution_queue"];

    /// <summary>Executor state that is only needed while an execution runs; housekeeping deletes what a terminated one left.</summary>
    public static IReadOnlyList<string> Transient { get; } = ["execution_timers", "execution_queue"];

    public const string Logs = "logs";
    public const string Metrics = "metrics";
}
