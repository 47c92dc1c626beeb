using Kite.Core.Triggers;

namespace Kite.Scheduler;

/// <summary>The scheduler's settings (<c>Kite:Scheduler</c>).</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Kite:Scheduler";

    /// <summary>How often the evaluation loop claims due triggers.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the monitoring loop looks for triggers locked by executions that are gone or over.</summary>
    public TimeSpan MonitoringInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often backfills are moved forward.</summary>
    public TimeSpan BackfillInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Due triggers claimed per transaction; a loop tick claims batches until none is due.</summary>
    public int ClaimBatchSize { get; set; } = 1000;

    /// <summary>A slot overdue by more than this was missed, and is recovered as <c>recoverMissedSchedules</c> says.</summary>
    public TimeSpan MissedAfter { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Applies to schedules that do not set <c>recoverMissedSchedules</c> (Kestra's default is ALL).</summary>
    public RecoverMissedSchedules RecoverMissedSchedules { get; set; } = RecoverMissedSchedules.All;

    /// <summary>The time zone of schedules without <c>timezone</c>.</summary>
    public string DefaultTimezone { get; set; } = "UTC";

    /// <summary>A lock the execution has let go of (ended, deleted, missing) for longer than this is healed by the monitoring loop.</summary>
    public TimeSpan HealAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A polling evaluation that has not reported after this long (its scheduler died) is released.</summary>
    public TimeSpan PollingTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Polling triggers (http.Trigger) evaluated at once by one scheduler.</summary>
    public int PollingConcurrency { get; set; } = 16;

    /// <summary>ExecutionChanged events handled together at most.</summary>
    public int ChangeBatchSize { get; set; } = 100;

    /// <summary>How long a batch of ExecutionChanged events waits for more before it is handled.</summary>
    public TimeSpan ChangeBatchWait { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Executions of one backfill running at once.</summary>
    public int BackfillInFlight { get; set; } = 2;
}
