using Kite.Core.Validation;

namespace Kite.Core.Triggers;

/// <summary><c>io.kestra.plugin.core.trigger.Schedule</c>: starts an execution on a cron schedule.</summary>
public sealed class Schedule : Trigger
{
    [Required, Cron]
    public string Cron { get; set; } = "";

    public bool WithSeconds { get; set; }

    public string? Timezone { get; set; }

    public Dictionary<string, object?>? Inputs { get; set; }

    [Duration]
    public string? LateMaximumDelay { get; set; }

    public RecoverMissedSchedules? RecoverMissedSchedules { get; set; }

    /// <summary>Deprecated: backfills are driven through the API now.</summary>
    public Dictionary<string, object?>? Backfill { get; set; }

    /// <summary>Deprecated alias of <see cref="Trigger.Conditions"/>.</summary>
    public List<Conditions.Condition>? ScheduleConditions { get; set; }
}
