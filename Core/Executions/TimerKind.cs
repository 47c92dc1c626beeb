namespace Kite.Core.Executions;

/// <summary>Why the executor stored a delay for a task run.</summary>
public enum TimerKind
{
    /// <summary>A failed attempt waits before its retry.</summary>
    Retry,

    /// <summary>A Pause's <c>pauseDuration</c> or <c>timeout</c> is over.</summary>
    PauseEnded,

    /// <summary>A LoopUntil's next check is due.</summary>
    LoopCheck,

    /// <summary>A CREATED execution's <c>scheduleDate</c> has come (the timer's task run id is the execution's id).</summary>
    ScheduledStart,
}
